/// What an image is checked for: the four kinds of resource the document's requirements name.
public enum CheckTarget: String, CaseIterable, Sendable, Comparable {
    case jupyter
    case rstudio
    case job
    case deployment

    /// Its name in a sentence: "Jupyter", "RStudio", "jobs", "deployments".
    public var title: String {
        switch self {
        case .jupyter: return "Jupyter"
        case .rstudio: return "RStudio"
        case .job: return "jobs"
        case .deployment: return "deployments"
        }
    }

    public static func < (left: CheckTarget, right: CheckTarget) -> Bool {
        allCases.firstIndex(of: left)! < allCases.firstIndex(of: right)!
    }
}
