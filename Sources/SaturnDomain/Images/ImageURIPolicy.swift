/// What Saturn Cloud could not pull, checked on every imported image URI (README "Image references"): a reference
/// that breaks the registry grammar, and the document's ECR rule (Saturn Cloud's IAM role may pull only private
/// ECR repositories named `saturn*`), and, under `serve --registry`, a manifest the registry does not have. Saturn
/// documents none of these checks, so each is a warning, or a refusal under `--strict`.
enum ImageURIPolicy {
    /// What the policy says of a URI given at `path`: under `strict` each objection is a problem there, else a warning
    /// for the answer's `Warning` header, naming the path. The one place the strict-or-warn rule is decided.
    static func review(_ uri: String, at path: String, settings: TenantSettings, issues: inout ValidationIssues, warnings: inout [String]) {
        for objection in objections(to: uri, puller: settings.imagePuller) {
            if settings.strictImageURIs { issues.add(path, objection) } else { warnings.append("\(path): \(objection)") }
        }
    }

    /// Why Saturn Cloud could not pull this URI; empty when nothing objects. A URI that breaks the grammar is not
    /// asked about.
    static func objections(to uri: String, puller: (any ImagePuller)?) -> [String] {
        if let problem = ImageReference.grammarProblem(in: uri) {
            return ["'\(uri)' breaks the registry reference grammar: \(problem); Saturn Cloud could not pull it"]
        }
        return [ecrObjection(to: uri), puller?.objection(to: uri)].compactMap { $0 }
    }

    private static func ecrObjection(to uri: String) -> String? {
        guard let slash = uri.firstIndex(of: "/") else { return nil }
        let host = uri[..<slash]
        guard isPrivateECRHost(host) else { return nil }
        let rest = uri[uri.index(after: slash)...]
        let repository = rest.prefix { $0 != ":" && $0 != "@" }
        guard !repository.hasPrefix("saturn") else { return nil }
        return "ECR repository '\(repository)' does not start with 'saturn'; Saturn Cloud's IAM role can only pull ECR repositories named saturn*"
    }

    /// `<account>.dkr.ecr.<region>.amazonaws.com` (and the `.cn` partition).
    private static func isPrivateECRHost(_ host: Substring) -> Bool {
        let labels = host.split(separator: ".")
        guard labels.count >= 6, labels[1] == "dkr", labels[2].hasPrefix("ecr") else { return false }
        return host.hasSuffix(".amazonaws.com") || host.hasSuffix(".amazonaws.com.cn")
    }
}
