import MicroHTTP
import SaturnDomain

extension QueryReader {
    /// A page key (`next_key`, `prev_key`) of a list ordered by a text key: the text it was made of.
    mutating func textCursor(_ name: String) -> String? {
        guard let token = value(name) else { return nil }
        guard let text = PageCursor.decode(token) else {
            issues.add(name, "is not a page key this server issued; pass back next_key or prev_key unchanged")
            return nil
        }
        return text
    }
}
