import MicroHTTP
import SaturnDomain
import SaturnJSON

/// `/api/active/pods*` and each resource's `history` and `logs`: the pods of the resources' runs, live and past,
/// with the log of their container `main` (README "A job's life").
enum PodEndpoints {
    /// `GET /api/active/pods?workload_type&workload_id`: live pods, paged by name.
    static func live(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        var reader = QueryReader(context.request)
        let kind = reader.oneOf("workload_type", ResourceKind.allCases.map(\.rawValue)).flatMap(ResourceKind.init(rawValue:))
        let id = reader.value("workload_id")
        _ = reader.value("cluster")
        let pods = context.tenant.view().livePods(kind: kind, id: id, caller: caller)
        let page = KeyedPage(pods, key: \.name, reader: &reader)
        try reader.finish()
        return page.answer("pod_summaries") { WirePodSummary(pod: $0) }
    }

    /// `GET /api/active/pods/{name}`: a pod of any run, live or past, of a resource the caller may see.
    static func get(_ context: RequestContext) throws -> Answer {
        let (_, pod) = try context.tenant.view().pod(named: context.parameter("name"), caller: context.caller())
        return .now(JSONResponse.make(200, WirePodSummary(pod: pod)))
    }

    /// `GET /api/active/pods/{name}/logs?container_name`: `PodLogs`, the container's log as one text.
    static func logs(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        var reader = QueryReader(context.request)
        let container = reader.value("container_name") ?? "main"
        let previous = reader.bool("previous")
        _ = reader.integer("page_size", in: 1...100_000, default: 1000)
        _ = reader.value("cluster")
        try reader.finish()
        let (_, pod) = try context.tenant.view().pod(named: context.parameter("name"), caller: caller)
        guard container == "main" else {
            throw DomainError.invalid(at: "container_name", "pod '\(pod.name)' has one container, 'main', not '\(container)'")
        }
        return .now(JSONResponse.make(200, WirePodLogs(text: previous ? "" : pod.log)))
    }

    /// `GET /api/{type}s/{id}/history`: `ResourceHistory`, the pods that went away, newest first.
    static func history(_ kind: ResourceKind, _ context: RequestContext) throws -> Answer {
        let view = try context.tenant.view().resourceView(kind, id: context.parameter("id"), caller: context.caller())
        return .now(JSONResponse.make(200, WireHistory(pods: view.pods.filter { !$0.isLive })))
    }

    /// `GET /api/{type}s/{id}/logs?pod_name`: `HistoricLogList`, one entry per log line of the pod (the latest pod
    /// when none is named).
    static func historicLogs(_ kind: ResourceKind, _ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        var reader = QueryReader(context.request)
        let podName = reader.value("pod_name")
        _ = reader.value("cluster")
        _ = reader.integer("page_size", in: 1...100_000, default: 1000)
        try reader.finish()
        let view = try context.tenant.view().resourceView(kind, id: context.parameter("id"), caller: caller)
        let pods = podName.map { name in view.pods.filter { $0.name == name } } ?? Array(view.pods.prefix(1))
        if let podName, pods.isEmpty { throw DomainError.podNotFound(podName) }
        return .now(JSONResponse.make(200, WirePage(
            itemsKey: "logs", items: pods.flatMap { pod in pod.logLines.map { WireHistoricLog(pod: pod.name, time: $0.time, text: $0.text) } },
            prevKey: nil, nextKey: nil
        )))
    }
}
