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
        guard !uri.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else { return nil }
        for (position, scalar) in uri.unicodeScalars.enumerated() where !(0x21...0x7E).contains(scalar.value) {
            let code = "U+" + String(scalar.value, radix: 16, uppercase: true, zeroPaddedTo: 4)
            switch scalar.value {
            case 0x20: return "contains a space at character \(position + 1); an image reference has no white space"
            case 0..<0x20, 0x7F: return "contains the control character \(code) at character \(position + 1); an image reference is printable ASCII"
            default: return "contains the non-ASCII character \(code) at character \(position + 1); an image reference is printable ASCII"
            }
        }
        return nil
    }

    /// What breaks the grammar, naming the part; nil when the reference is well formed. Reads bytes, and builds
    /// text only for a problem: it runs on every version of every apply.
    static func grammarProblem(in uri: String) -> String? {
        let bytes = Array(uri.utf8)
        let colon = UInt8(ascii: ":")
        let slash = UInt8(ascii: "/")
        if let scheme = bytes.indices.first(where: { bytes[$0] == colon && bytes[($0 + 1)...].starts(with: [slash, slash]) }) {
            return "'\(text(bytes[..<(scheme + 3)]))' is a URL scheme, which an image reference does not have; write host/repository:tag"
        }
        var rest = bytes[...]
        if let at = rest.firstIndex(of: UInt8(ascii: "@")) {
            if let problem = digestProblem(rest[(at + 1)...]) { return problem }
            rest = rest[..<at]
        }
        let lastSlash = rest.lastIndex(of: slash)
        if let tagColon = rest.lastIndex(of: colon), lastSlash.map({ tagColon > $0 }) ?? true {
            if let problem = tagProblem(rest[(tagColon + 1)...]) { return problem }
            rest = rest[..<tagColon]
        }
        return nameProblem(rest)
    }

    private static func nameProblem(_ name: ArraySlice<UInt8>) -> String? {
        guard !name.isEmpty else { return "the repository name is empty" }
        guard name.count <= maximumNameLength else {
            return "the repository name is \(name.count) characters long; registries allow \(maximumNameLength) at most"
        }
        var components = name.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        if components.count > 1, let first = components.first,
           first.contains(UInt8(ascii: ".")) || first.contains(UInt8(ascii: ":")) || first.elementsEqual("localhost".utf8) {
            if let problem = hostProblem(first) { return problem }
            components.removeFirst()
        }
        for component in components {
            guard !component.isEmpty else { return "the repository path '\(text(name))' has an empty component (two slashes, or one at an end)" }
            guard isPathComponent(component) else {
                return "the repository path component '\(text(component))' must be lowercase letters and digits, joined by '.', '_', '__' or '-'"
            }
        }
        return nil
    }

    private static func isPathComponent(_ bytes: ArraySlice<UInt8>) -> Bool {
        var index = bytes.startIndex
        func alphanumericRun() -> Bool {
            let start = index
            while index < bytes.endIndex, isLowerAlphanumeric(bytes[index]) { index += 1 }
            return index > start
        }
        guard alphanumericRun() else { return false }
        while index < bytes.endIndex {
            switch bytes[index] {
            case UInt8(ascii: "."):
                index += 1
            case UInt8(ascii: "_"):
                index += 1
                if index < bytes.endIndex, bytes[index] == UInt8(ascii: "_") { index += 1 }
            case UInt8(ascii: "-"):
                while index < bytes.endIndex, bytes[index] == UInt8(ascii: "-") { index += 1 }
            default:
                return false
            }
            guard alphanumericRun() else { return false }
        }
        return true
    }

    private static func hostProblem(_ host: ArraySlice<UInt8>) -> String? {
        var name = host
        let bracketed = host.first == UInt8(ascii: "[")
        if let colon = host.lastIndex(of: UInt8(ascii: ":")), !bracketed || host[..<colon].last == UInt8(ascii: "]") {
            let port = host[(colon + 1)...]
            guard !port.isEmpty, port.allSatisfy(isDigit) else {
                return "the registry port '\(text(port))' of '\(text(host))' must be a number"
            }
            name = host[..<colon]
        }
        if bracketed && name.last == UInt8(ascii: "]") {
            let address = name.dropFirst().dropLast()
            guard !address.isEmpty, address.allSatisfy({ isHexDigit($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") }) else {
                return "the registry host '\(text(name))' is not an IPv6 address"
            }
            return nil
        }
        for label in name.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
            guard !label.isEmpty, label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-"),
                  label.allSatisfy({ isAlphanumeric($0) || $0 == UInt8(ascii: "-") })
            else {
                return "the registry host '\(text(name))' must be letters, digits and inner '-', in labels joined by '.'"
            }
        }
        return nil
    }

    private static func tagProblem(_ tag: ArraySlice<UInt8>) -> String? {
        guard let first = tag.first else { return "the tag after ':' is empty" }
        guard tag.count <= maximumTagLength else {
            return "the tag is \(tag.count) characters long; registries allow \(maximumTagLength) at most"
        }
        guard isAlphanumeric(first) || first == UInt8(ascii: "_"),
              tag.allSatisfy({ isAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") })
        else {
            return "the tag '\(text(tag))' must be letters, digits, '_', '.' and '-', and not start with '.' or '-'"
        }
        return nil
    }

    private static func digestProblem(_ digest: ArraySlice<UInt8>) -> String? {
        guard let colon = digest.firstIndex(of: UInt8(ascii: ":")) else {
            return "the digest '\(text(digest))' must be algorithm:hex, such as sha256:<64 hex digits>"
        }
        let algorithm = digest[..<colon]
        let hex = digest[(colon + 1)...]
        let separators: Set<UInt8> = [UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-")]
        let components = algorithm.split(omittingEmptySubsequences: false, whereSeparator: separators.contains)
        let wellFormedAlgorithm = components.allSatisfy { component in
            component.first.map(isLetter) == true && component.allSatisfy(isAlphanumeric)
        }
        guard wellFormedAlgorithm else { return "the digest algorithm '\(text(algorithm))' is not well formed" }
        guard hex.count >= 32, hex.allSatisfy(isHexDigit) else {
            return "the digest '\(text(digest))' must end in at least 32 hexadecimal digits"
        }
        return nil
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

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
