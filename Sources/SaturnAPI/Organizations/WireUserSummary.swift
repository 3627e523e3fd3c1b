import SaturnDomain
import SaturnJSON

/// Saturn's `User`: a user as lists and references show it, without its details.
struct WireUserSummary: JSONWritable {
    let user: User

    func write(to output: inout JSONOutput) {
        output.object { json in writeMembers(to: &json) }
    }

    /// The members every form of a user begins with (`UserDetailed` goes on from them).
    func writeMembers(to json: inout JSONOutput) {
        json.key("id")
        json.string(user.id)
        json.key("avatar_url")
        json.string("")
        json.key("username")
        json.string(user.username)
    }
}
