/// The recipe types that run: workspaces, jobs and deployments share their shape, their lifecycle and their pods.
public enum ResourceKind: String, CaseIterable, Sendable {
    case workspace
    case job
    case deployment

    /// The recipe type of the same name.
    public var recipeType: RecipeType {
        switch self {
        case .workspace: return .workspace
        case .job: return .job
        case .deployment: return .deployment
        }
    }

    /// The kind a recipe type names; nil for images. A switch, not the raw value: the store asks this of every
    /// recipe it loads.
    public init?(_ type: RecipeType) {
        switch type {
        case .workspace: self = .workspace
        case .job: self = .job
        case .deployment: self = .deployment
        case .image: return nil
        }
    }

    /// Whether its runs complete on their own (a job's do; workspaces and deployments run until stopped).
    public var completes: Bool { self == .job }
}
