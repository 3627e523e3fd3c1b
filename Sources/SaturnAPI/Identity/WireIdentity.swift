import FoundationEssentials
import SaturnDomain
import SaturnJSON

/// `ApiStatus`.
struct WireStatus: JSONWritable {
    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("status")
            json.string("ok")
            json.key("version")
            json.string(SaturnAPIVersion.current)
        }
    }
}

/// `UserDetailed`: the seed's user, and the fields Saturn requires that the mock has no use for.
struct WireUser: JSONWritable {
    let user: User

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("id")
            json.string(user.id)
            json.key("avatar_url")
            json.string("")
            json.key("username")
            json.string(user.username)
            json.key("created_at")
            json.string(user.createdAt)
            json.key("full_name")
            json.string(user.fullName)
            json.key("email")
            json.string(user.email)
            json.key("admin")
            json.bool(user.role(in: user.defaultOrg) == .admin)
            json.key("locked")
            json.bool(false)
            json.key("locked_reason")
            json.string("")
            json.key("is_multiple_ssh_keys")
            json.bool(false)
            json.key("active")
            json.bool(true)
        }
    }
}

/// `Org`, with `is_primary` set on the caller's default org. Nullable fields the spec requires are present as null.
struct WireOrg: JSONWritable {
    let org: Org
    let isDefault: Bool

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("id")
            json.string(org.id)
            json.key("created_at")
            json.string(org.createdAt)
            json.key("avatar_url")
            json.string("")
            json.key("name")
            json.string(org.name)
            json.key("email")
            json.string(org.email)
            json.key("description")
            json.string(org.description)
            json.key("website_url")
            json.null()
            json.key("logo_image_url")
            json.string("")
            json.key("limits_id")
            json.null()
            json.key("is_primary")
            json.bool(isDefault)
            json.key("locked")
            json.bool(false)
            json.key("locked_reason")
            json.string("")
        }
    }
}

/// `AuthorizationTokenResponse`: the new pair and when the access token expires.
struct WireTokenPair: JSONWritable {
    let minted: MintedToken
    let now: Date

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("access_token")
            json.string(minted.token)
            json.key("refresh_token")
            json.string(minted.refreshToken)
            json.key("token_type")
            json.string("Bearer")
            json.key("expires_at")
            json.string(minted.expiresAt.map(UTCTimestamp.format))
            json.key("expires_in")
            if let expiresAt = minted.expiresAt { json.integer(Int(expiresAt.timeIntervalSince(now))) } else { json.null() }
            json.key("refresh_expires_at")
            json.null()
            json.key("refresh_expires_in")
            json.null()
        }
    }
}

/// `ServerOptions`: the installation's sizes by name, disk sizes and auto-shutoff choices.
struct WireServerOptions: JSONWritable {
    let servers: ServerCatalog

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("auto_shutoff")
            json.array(servers.autoShutoff) { json, choice in json.string(choice) }
            json.key("disk_space")
            json.array(servers.diskSpace) { json, disk in
                json.object { json in
                    json.key("value")
                    json.string(disk.value)
                    json.key("display_str")
                    json.string(disk.display)
                }
            }
            json.key("sizes")
            json.object { json in
                for size in servers.sizes {
                    json.key(size.name)
                    json.object { json in
                        json.key("name")
                        json.string(size.name)
                        json.key("cores")
                        json.integer(size.cores)
                        json.key("memory")
                        json.string(size.memory)
                        json.key("gpu")
                        json.integer(size.gpu)
                        json.key("gpu_type")
                        json.string(size.gpuType)
                        json.key("hardware_type")
                        json.string(size.hardwareType.rawValue)
                        json.key("cloud")
                        json.string(size.cloud)
                        json.key("display")
                        json.string(size.display)
                        json.key("display_name")
                        json.string(size.displayName)
                    }
                }
            }
        }
    }
}

/// Every non-2xx body (README "Errors").
struct WireError: JSONWritable {
    let message: String
    let errorCode: String
    let errors: [String: [String]]?

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("message")
            json.string(message)
            json.key("error_code")
            json.string(errorCode)
            if let errors {
                json.key("errors")
                json.object(sorted: errors) { json, problems in
                    json.array(problems) { json, problem in json.string(problem) }
                }
            }
        }
    }
}
