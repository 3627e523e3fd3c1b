/// Whether the document requires a requirement for a kind of resource, or only recommends it.
public enum Need: String, Sendable {
    case required
    case optional
}
