/// Whether an apply asks a resource to run (`spec.status`).
public enum DesiredStatus: String, Sendable, CaseIterable {
    case running
    case stopped
}
