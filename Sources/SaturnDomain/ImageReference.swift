/// The grammar registries use for an image reference (the distribution project's `reference` grammar):
///
///     reference  := name [ ":" tag ] [ "@" digest ]
///     name       := [ host [ ":" port ] "/" ] path-component { "/" path-component }     255 characters at most
///     path-component := [a-z0-9]+ { ( "." | "_" | "__" | "-"+ ) [a-z0-9]+ }
///     tag        := [A-Za-z0-9_] [A-Za-z0-9_.-]{0,127}
///     digest     := algorithm ":" hex              algorithm: [A-Za-z][A-Za-z0-9]* joined by + . _ -; hex: 32+ digits
///
/// The first component is a host when it holds a `.` or a `:`, or is `localhost`, as registries read it.
enum ImageReference {
    static let maximumNameLength = 255
    static let maximumTagLength = 128

    /// The first character no image reference may hold, described with its position; nil when there is none.
    /// Control characters, white space and anything beyond ASCII can never be pulled, and would not survive an
    /// HTTP header or a log line either.
    static func forbiddenCharacter(in uri: String) -> String? {
        for (position, scalar) in uri.unicodeScalars.enumerated() {
            let value = scalar.value
            let hex = String(value, radix: 16, uppercase: true)
            let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            if value < 0x20 || value == 0x7F {
                return "contains the control character \(code) at character \(position + 1); an image reference is printable ASCII"
            }
            if value == 0x20 {
                return "contains a space at character \(position + 1); an image reference has no white space"
            }
            if value > 0x7E {
                return "contains the non-ASCII character \(code) at character \(position + 1); an image reference is printable ASCII"
            }
        }
        return nil
    }

    /// What breaks the grammar, naming the part; nil when the reference is well formed.
    static func grammarProblem(in uri: String) -> String? {
        if let scheme = uri.firstRange(of: "://") {
            return "'\(uri[..<scheme.upperBound])' is a URL scheme, which an image reference does not have; write host/repository:tag"
        }
        var rest = Substring(uri)
        if let at = rest.firstIndex(of: "@") {
            if let problem = digestProblem(rest[rest.index(after: at)...]) { return problem }
            rest = rest[..<at]
        }
        let lastSlash = rest.lastIndex(of: "/")
        if let colon = rest.lastIndex(of: ":"), lastSlash.map({ colon > $0 }) ?? true {
            if let problem = tagProblem(rest[rest.index(after: colon)...]) { return problem }
            rest = rest[..<colon]
        }
        return nameProblem(rest)
    }

    private static func nameProblem(_ name: Substring) -> String? {
        guard !name.isEmpty else { return "the repository name is empty" }
        guard name.count <= maximumNameLength else {
            return "the repository name is \(name.count) characters long; registries allow \(maximumNameLength) at most"
        }
        var components = name.split(separator: "/", omittingEmptySubsequences: false)
        if components.count > 1, let first = components.first, first.contains(".") || first.contains(":") || first == "localhost" {
            if let problem = hostProblem(first) { return problem }
            components.removeFirst()
        }
        for component in components {
            guard !component.isEmpty else { return "the repository path '\(name)' has an empty component (two slashes, or one at an end)" }
            guard isPathComponent(component) else {
                return "the repository path component '\(component)' must be lowercase letters and digits, joined by '.', '_', '__' or '-'"
            }
        }
        return nil
    }

    private static func isPathComponent(_ component: Substring) -> Bool {
        let bytes = Array(component.utf8)
        var index = 0
        func alphanumericRun() -> Bool {
            let start = index
            while index < bytes.count, isLowerAlphanumeric(bytes[index]) { index += 1 }
            return index > start
        }
        guard alphanumericRun() else { return false }
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "."):
                index += 1
            case UInt8(ascii: "_"):
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "_") { index += 1 }
            case UInt8(ascii: "-"):
                while index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
            default:
                return false
            }
            guard alphanumericRun() else { return false }
        }
        return true
    }

    private static func hostProblem(_ host: Substring) -> String? {
        var name = host
        if let colon = host.lastIndex(of: ":"), !host.hasPrefix("[") || host[..<colon].hasSuffix("]") {
            let port = host[host.index(after: colon)...]
            guard !port.isEmpty, port.utf8.allSatisfy(isDigit) else {
                return "the registry port '\(port)' of '\(host)' must be a number"
            }
            name = host[..<colon]
        }
        if name.hasPrefix("[") && name.hasSuffix("]") {
            let address = name.dropFirst().dropLast()
            guard !address.isEmpty, address.utf8.allSatisfy({ isHexDigit($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") }) else {
                return "the registry host '\(name)' is not an IPv6 address"
            }
            return nil
        }
        for label in name.split(separator: ".", omittingEmptySubsequences: false) {
            guard !label.isEmpty, label.first != "-", label.last != "-",
                  label.utf8.allSatisfy({ isAlphanumeric($0) || $0 == UInt8(ascii: "-") })
            else {
                return "the registry host '\(name)' must be letters, digits and inner '-', in labels joined by '.'"
            }
        }
        return nil
    }

    private static func tagProblem(_ tag: Substring) -> String? {
        guard let first = tag.utf8.first else { return "the tag after ':' is empty" }
        guard tag.count <= maximumTagLength else {
            return "the tag is \(tag.count) characters long; registries allow \(maximumTagLength) at most"
        }
        guard isAlphanumeric(first) || first == UInt8(ascii: "_"),
              tag.utf8.allSatisfy({ isAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") })
        else {
            return "the tag '\(tag)' must be letters, digits, '_', '.' and '-', and not start with '.' or '-'"
        }
        return nil
    }

    private static func digestProblem(_ digest: Substring) -> String? {
        guard let colon = digest.firstIndex(of: ":") else {
            return "the digest '\(digest)' must be algorithm:hex, such as sha256:<64 hex digits>"
        }
        let algorithm = digest[..<colon]
        let hex = digest[digest.index(after: colon)...]
        let separators: Set<UInt8> = [UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-")]
        let components = algorithm.utf8.split(omittingEmptySubsequences: false, whereSeparator: separators.contains)
        let wellFormedAlgorithm = components.allSatisfy { component in
            component.first.map(isLetter) == true && component.allSatisfy(isAlphanumeric)
        }
        guard wellFormedAlgorithm else { return "the digest algorithm '\(algorithm)' is not well formed" }
        guard hex.count >= 32, hex.utf8.allSatisfy(isHexDigit) else {
            return "the digest '\(digest)' must end in at least 32 hexadecimal digits"
        }
        return nil
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
    private static func isAlphanumeric(_ byte: UInt8) -> Bool { isDigit(byte) || isLetter(byte) }
    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool { isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) }
    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }
}
