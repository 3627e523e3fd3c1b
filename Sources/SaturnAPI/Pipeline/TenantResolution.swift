/// Finds the tenant a request reaches and its canonical path inside it (`TenantTarget`); a `/t/NAME` prefix that
/// names no tenant is a 404.
final class TenantResolution: PipelineStep {
    func handle(_ context: RequestContext, next: Pipeline.Next) {
        let target: TenantTarget
        do {
            target = try TenantTarget(context.request, registry: context.registry)
        } catch {
            return context.answer(error)
        }
        var resolved = context
        resolved.path = target.path
        resolved.served = context.servedTenants.served(target.tenant)
        resolved.isControl = target.isControl
        resolved.presentedToken = target.token
        next(resolved)
    }
}
