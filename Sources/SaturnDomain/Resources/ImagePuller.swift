/// Pulls images from registries and checks them against Saturn's requirements (`serve --registry`), so that a run
/// on an image that cannot work ends in `error` as it would on Saturn. The domain asks; the pulling happens off
/// the request path, and its outcome comes back as a command on the tenant (`Tenant.recordPull`).
public protocol ImagePuller: Sendable {
    /// What the registry says against adding `uri` as a version (its manifest is missing); nil when it has it, or
    /// cannot say. Asked on the request path, before the command's turn.
    func objection(to uri: String) -> String?

    /// Pulls and checks the image of `request`, then calls `record` once with the outcome, from another thread and
    /// never before `pull` returns.
    func pull(_ request: PullRequest, record: @escaping @Sendable (PullOutcome) -> Void)
}
