import FoundationEssentials
import SaturnDomain
import SaturnJSON

/// `{"<key>": [items]}`: the control plane's lists, which are never paged.
struct WireList<Item: JSONWritable>: JSONWritable {
    let key: StaticString
    let items: [Item]

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key(key)
            json.array(items) { json, item in item.write(to: &json) }
        }
    }
}

struct WireString: JSONWritable {
    let text: String

    func write(to output: inout JSONOutput) { output.string(text) }
}

struct WireCount: JSONWritable {
    let count: Int

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("count")
            json.integer(count)
        }
    }
}

/// A tenant with its users' tokens: what a test needs to reach it.
struct WireTenant: JSONWritable {
    let name: String
    let baseURL: String
    let tokens: [UserTokens]
    let recipes: Int

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("name")
            json.string(name)
            json.key("base_url")
            json.string(baseURL)
            json.key("recipes")
            json.integer(recipes)
            json.key("users")
            json.array(tokens) { json, pair in
                json.object { json in
                    json.key("username")
                    json.string(pair.username)
                    json.key("token")
                    json.string(pair.token)
                    json.key("refresh_token")
                    json.string(pair.refreshToken.isEmpty ? nil : pair.refreshToken)
                }
            }
        }
    }
}

struct WireTenantSummary: JSONWritable {
    let name: String
    let baseURL: String
    let recipes: Int

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("name")
            json.string(name)
            json.key("base_url")
            json.string(baseURL)
            json.key("recipes")
            json.integer(recipes)
        }
    }
}

struct WireSnapshotSummary: JSONWritable {
    let name: String
    let content: TenantContent

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("name")
            json.string(name)
            json.key("recipes")
            json.integer(content.recipes.count)
            json.key("minted_tokens")
            json.integer(content.minted.count)
        }
    }
}

/// A minted token's user, membership and expiry; with its secrets, except in a state document.
struct WireMintedToken: JSONWritable {
    let minted: MintedToken
    var withSecrets = true

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("username")
            json.string(minted.username)
            json.key("org")
            json.string(minted.org)
            json.key("role")
            json.string(minted.role.rawValue)
            if withSecrets {
                json.key("token")
                json.string(minted.token)
                json.key("refresh_token")
                json.string(minted.refreshToken)
            }
            json.key("expires_at")
            json.string(minted.expiresAt.map(UTCTimestamp.format))
        }
    }
}

struct WireClock: JSONWritable {
    let clock: TenantClock

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("now")
            json.string(UTCTimestamp.format(clock.now()))
            json.key("frozen")
            json.bool(clock.isFrozen)
        }
    }
}

/// `GET /_mock/state`: `{"saturn_mock_state": 1, "minted": [...], "recipes": [Recipe with state]}`. Minted users
/// are listed without their tokens: a loaded document mints fresh ones, so tokens stay unique across tenants. The
/// document holds image recipes; workspaces, jobs and deployments live in snapshots (README "Testing with the mock").
struct WireState: JSONWritable {
    let view: TenantView

    func write(to output: inout JSONOutput) {
        let content = view.content
        output.object { json in
            json.key("saturn_mock_state")
            json.integer(TenantStateDocument.version)
            json.key("minted")
            json.array(content.minted) { json, minted in WireMintedToken(minted: minted, withSecrets: false).write(to: &json) }
            json.key("recipes")
            json.array(content.recipes.filter { $0.type == .image }) { json, recipe in
                WireRecipe(recipe: recipe, view: view).write(to: &json)
            }
        }
    }
}

/// What `PUT /_mock/state` loaded, with the fresh tokens of the users it minted.
struct WireImported: JSONWritable {
    let content: TenantContent

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("recipes")
            json.integer(content.recipes.count)
            json.key("minted")
            json.array(content.minted) { json, minted in WireMintedToken(minted: minted).write(to: &json) }
        }
    }
}

struct WireHealth: JSONWritable {
    let store: StoreHealth
    let location: String
    let now: Date
    let tenants: Int
    let served: ServedTenant

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("status")
            json.string(store.writable ? "ok" : "store_cannot_write")
            json.key("store")
            json.object { json in
                json.key("kind")
                json.string(store.kind)
                json.key("location")
                json.string(location)
                json.key("writable")
                json.bool(store.writable)
                json.key("journal_bytes")
                json.integer(store.journalBytes)
                json.key("last_sync")
                json.string(store.lastSync.map(UTCTimestamp.format))
                json.key("snapshot_age_seconds")
                if let written = store.snapshotWritten { json.integer(Int(now.timeIntervalSince(written))) } else { json.null() }
            }
            json.key("tenants")
            json.integer(tenants)
            json.key("tenant")
            json.object { json in
                json.key("name")
                json.string(served.tenant.name)
                json.key("recipes")
                json.integer(served.tenant.count)
                json.key("journaled_requests")
                json.integer(served.journal.entries(matching: RequestJournal.Filter()).count)
                json.key("fault_rules")
                json.integer(served.faults.all.count)
            }
        }
    }
}

struct WireFault: JSONWritable {
    let rule: FaultRules.Rule

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("id")
            json.string(rule.id)
            json.key("method")
            json.string(rule.method)
            json.key("path")
            json.string(rule.path.text)
            json.key("caller")
            json.string(rule.caller)
            json.key("status")
            if let status = rule.status { json.integer(status) } else { json.null() }
            json.key("delay_ms")
            json.integer(rule.delayMilliseconds)
            json.key("drop_connection")
            json.bool(rule.dropConnection)
            json.key("times")
            json.integer(rule.times)
            json.key("after")
            json.integer(rule.after)
            json.key("matched")
            json.integer(rule.matched)
            json.key("applied")
            json.integer(rule.applied)
        }
    }
}

/// A fault rule's answer: the body it gives, else Saturn's error shape naming the rule.
struct WireFaultBody: JSONWritable {
    let rule: FaultRules.Rule

    func write(to output: inout JSONOutput) {
        if let body = rule.body {
            output.value(body)
        } else {
            WireError(message: "Injected by saturn-mock fault rule \(rule.id).", errorCode: "injected_fault", errors: nil).write(to: &output)
        }
    }
}
