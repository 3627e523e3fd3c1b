import MicroHTTP
import SaturnJSON

/// What the request journal keeps of a request's body. Redaction is the default: a body is kept only as JSON with
/// its secrets replaced, so a body that is not JSON (a form, a broken document) is never shown, only its size.
enum JournalBody: Sendable {
    case empty
    /// The body as JSON with secrets redacted, rendered; only its first `RequestJournal.bodyLimit` bytes when longer.
    case json([UInt8], truncated: Bool)
    /// A body that is not JSON: nothing in it can be told a secret or not, so none of it is kept.
    case unreadable

    /// The journal's form of a body sent to `path`; `parsed` is the body as the handler read it, when it did.
    init(_ body: [UInt8], parsed: JSONValue?, path: String) {
        guard !body.isEmpty else {
            self = .empty
            return
        }
        guard let value = parsed ?? (try? JSONValue.parse(body)) else {
            self = .unreadable
            return
        }
        var output = JSONOutput(capacity: min(body.count, RequestJournal.bodyLimit) + 64)
        SecretName.writeRedacted(value, sentTo: path, to: &output)
        let rendered = output.bytes
        self = .json(Array(rendered.prefix(RequestJournal.bodyLimit)), truncated: rendered.count > RequestJournal.bodyLimit)
    }
}
