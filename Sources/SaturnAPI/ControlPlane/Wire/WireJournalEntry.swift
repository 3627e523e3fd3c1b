import SaturnDomain
import SaturnJSON

/// One journaled request, secrets redacted as `RequestJournal` recorded it: the body as JSON, or as the text of its
/// first 4 KiB when longer (`body_truncated`), or null with its size and type when it is not JSON.
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
            switch entry.body {
            case .empty, .unreadable: json.null()
            case let .json(rendered, truncated: false): json.json(rendered)
            case let .json(rendered, truncated: true): json.string(String(decoding: rendered, as: UTF8.self))
            }
            json.key("body_truncated")
            if case .json(_, truncated: true) = entry.body { json.bool(true) } else { json.bool(false) }
            json.key("body_bytes")
            json.integer(entry.bodyBytes)
            json.key("content_type")
            json.string(entry.contentType)
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
}
