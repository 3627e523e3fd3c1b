import FoundationEssentials

/// The opaque page keys of every listing: text in URL-safe base64 without padding, so that a client passes them
/// back as they came.
public enum PageCursor {
    /// The key of `plain`.
    public static func encode(_ plain: String) -> String {
        Data(plain.utf8).base64EncodedString().replacing("+", with: "-").replacing("/", with: "_").replacing("=", with: "")
    }

    /// The text a key made by `encode` holds; nil for anything else.
    public static func decode(_ token: String) -> String? {
        var base64 = token.replacing("-", with: "+").replacing("_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64).flatMap { String(data: $0, encoding: .utf8) }
    }
}
