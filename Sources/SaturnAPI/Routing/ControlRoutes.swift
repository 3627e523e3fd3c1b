/// The control plane's route table, under `/_mock/` of any tenant (README "Testing with the mock").
enum ControlRoutes {
    static func make(coverage: SpecCoverage, imageChecks: ImageChecks?) -> Router {
        var router = Router()
        // What is served never changes while serving: encoded once.
        let operations = JSONResponse.make(200, WireOperations(coverage: coverage)).preparedOnce()
        router.add("GET", "/_mock/operations") { _ in .now(operations) }
        router.add("GET", "/_mock/health", ControlEndpoints.health)
        router.add("GET", "/_mock/tenants", ControlEndpoints.listTenants)
        router.add("POST", "/_mock/tenants", ControlEndpoints.createTenant)
        router.add("GET", "/_mock/tenants/{name}", ControlEndpoints.getTenant)
        router.add("DELETE", "/_mock/tenants/{name}", ControlEndpoints.deleteTenant)
        router.add("POST", "/_mock/reset", ControlEndpoints.reset)
        router.add("GET", "/_mock/snapshots", ControlEndpoints.listSnapshots)
        router.add("PUT", "/_mock/snapshots/{name}", ControlEndpoints.saveSnapshot)
        router.add("DELETE", "/_mock/snapshots/{name}", ControlEndpoints.deleteSnapshot)
        router.add("POST", "/_mock/snapshots/{name}/restore", ControlEndpoints.restoreSnapshot)
        router.add("GET", "/_mock/state", ControlEndpoints.exportState)
        router.add("PUT", "/_mock/state", ControlEndpoints.importState)
        router.add("GET", "/_mock/requests", ControlEndpoints.listRequests)
        router.add("DELETE", "/_mock/requests", ControlEndpoints.clearRequests)
        router.add("GET", "/_mock/requests/count", ControlEndpoints.countRequests)
        router.add("GET", "/_mock/faults", ControlEndpoints.listFaults)
        router.add("POST", "/_mock/faults", ControlEndpoints.addFault)
        router.add("DELETE", "/_mock/faults", ControlEndpoints.deleteFaults)
        router.add("GET", "/_mock/faults/{id}", ControlEndpoints.getFault)
        router.add("DELETE", "/_mock/faults/{id}", ControlEndpoints.deleteFault)
        router.add("POST", "/_mock/tokens", ControlEndpoints.mintToken)
        router.add("GET", "/_mock/clock", ControlEndpoints.getClock)
        router.add("POST", "/_mock/clock", ControlEndpoints.setClock)
        router.add("GET", "/_mock/image-checks") { try ImageCheckEndpoints.get($0, checks: imageChecks) }
        return router
    }
}
