/// What a run starts an image for, as the document's requirements tell them apart: a workspace's IDE, a job, a
/// deployment.
public enum ImageUse: String, Sendable, Hashable {
    case jupyter
    case rstudio
    case job
    case deployment

    /// The use of a resource's runs: a workspace's by its `ide` (Saturn's default, `jupyter`).
    public init(_ spec: ResourceSpec) {
        switch spec.kind {
        case .job: self = .job
        case .deployment: self = .deployment
        case .workspace: self = spec.text("ide", or: "jupyter") == "rstudio" ? .rstudio : .jupyter
        }
    }
}
