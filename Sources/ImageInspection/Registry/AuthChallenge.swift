/// A registry's `WWW-Authenticate` answer to a request without the credentials it wants (RFC 7235): `Basic
/// realm="..."`, or `Bearer realm="https://auth/token",service="registry",scope="repository:x:pull"`, whose realm
/// hands out a token for the service and scope.
struct AuthChallenge: Equatable {
    /// `basic` or `bearer`, lowercased.
    let scheme: String
    /// The parameters, names lowercased.
    let parameters: [String: String]

    /// The challenge a header holds; nil when it holds none.
    init?(header: String) {
        let text = header.trimmedOfSpace
        guard let space = text.firstIndex(of: " ") else {
            guard !text.isEmpty else { return nil }
            scheme = text.lowercased()
            parameters = [:]
            return
        }
        scheme = text[..<space].lowercased()
        var parameters: [String: String] = [:]
        var rest = text[text.index(after: space)...]
        while true {
            rest = rest.drop { $0 == " " || $0 == "," }
            guard let equals = rest.firstIndex(of: "=") else { break }
            let name = rest[..<equals].trimmedOfSpace.lowercased()
            rest = rest[rest.index(after: equals)...]
            var value = ""
            if rest.first == "\"" {
                rest = rest.dropFirst()
                while let character = rest.first, character != "\"" {
                    if character == "\\", let escaped = rest.dropFirst().first {
                        value.append(escaped)
                        rest = rest.dropFirst(2)
                    } else {
                        value.append(character)
                        rest = rest.dropFirst()
                    }
                }
                rest = rest.dropFirst()
            } else {
                let end = rest.firstIndex(of: ",") ?? rest.endIndex
                value = String(rest[..<end].trimmedOfSpace)
                rest = rest[end...]
            }
            parameters[name] = value
        }
        self.parameters = parameters
    }
}
