import FoundationEssentials
import SaturnDomain
import SaturnJSON

/// One journaled request. The body is shown as JSON when it is JSON, with the value of every member whose name
/// speaks of a token, a secret or a password replaced by "[redacted]"; else as text.
struct WireJournalEntry: JSONWritable {
    let entry: RequestJournal.Entry

    init(_ entry: RequestJournal.Entry) {
        self.entry = entry
    }

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("id")
            json.integer(entry.sequence)
            json.key("time")
            json.string(UTCTimestamp.format(entry.time))
            json.key("method")
            json.string(entry.method)
            json.key("path")
            json.string(entry.path)
            json.key("query")
            json.object(sorted: Dictionary(entry.query.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })) { json, value in
                json.string(value)
            }
            json.key("caller")
            json.string(entry.caller)
            json.key("status")
            if let status = entry.status { json.integer(status) } else { json.null() }
            json.key("dropped")
            json.bool(entry.status == nil)
            json.key("ms")
            json.numberLiteral(String(Double(Int(entry.milliseconds * 1_000)) / 1_000))
            json.key("body")
            if entry.body.isEmpty {
                json.null()
            } else if !entry.bodyTruncated, let value = try? JSONValue.parse(entry.body) {
                WireJSON(value: Self.redacted(value)).write(to: &json)
            } else {
                json.string(String(decoding: entry.body, as: UTF8.self))
            }
            json.key("body_truncated")
            json.bool(entry.bodyTruncated)
            json.key("changes")
            json.array(entry.changes) { json, change in
                json.object { json in
                    json.key("type")
                    json.string(change.type)
                    json.key("owner")
                    json.string(change.owner)
                    json.key("name")
                    json.string(change.name)
                    json.key("id")
                    json.string(change.id)
                    json.key("action")
                    json.string(change.action)
                    json.key("versions_before")
                    if let before = change.partsBefore { json.array(before) { json, id in json.string(id) } } else { json.null() }
                    json.key("versions_after")
                    if let after = change.partsAfter { json.array(after) { json, id in json.string(id) } } else { json.null() }
                }
            }
            json.key("changes_total")
            json.integer(entry.changeCount)
            json.key("fault")
            json.string(entry.fault)
        }
    }

    static func redacted(_ value: JSONValue) -> JSONValue {
        switch value {
        case let .object(members):
            return .object(Dictionary(uniqueKeysWithValues: members.map { key, member in
                let lowered = key.lowercased()
                let secret = ["token", "secret", "password"].contains { lowered.contains($0) }
                return (key, secret ? .string("[redacted]") : redacted(member))
            }))
        case let .array(items):
            return .array(items.map(redacted))
        default:
            return value
        }
    }
}

/// Any JSON value, written back out (object members in key order).
struct WireJSON: JSONWritable {
    let value: JSONValue

    func write(to output: inout JSONOutput) {
        switch value {
        case .null: output.null()
        case let .bool(flag): output.bool(flag)
        case let .number(number):
            output.numberLiteral(number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number))
        case let .string(text): output.string(text)
        case let .array(items): output.array(items) { json, item in WireJSON(value: item).write(to: &json) }
        case let .object(members): output.object(sorted: members) { json, member in WireJSON(value: member).write(to: &json) }
        }
    }
}
