/// What an apply did to a recipe or to one of its parts.
public enum ApplyAction: String, Sendable {
    case created
    case updated
    case unchanged
}
