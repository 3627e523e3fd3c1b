import MicroHTTP
import SaturnDomain

extension QueryReader {
    /// A pod page key (`next_key`, `prev_key`): the pod name it was made of.
    mutating func podName(_ name: String) -> String? {
        guard let token = value(name) else { return nil }
        guard let podName = PageCursor.decode(token) else {
            issues.add(name, "is not a page key this server issued; pass back next_key or prev_key unchanged")
            return nil
        }
        return podName
    }
}
