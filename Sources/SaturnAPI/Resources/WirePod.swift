import FoundationEssentials
import SaturnDomain
import SaturnJSON

/// `PodRuntimeSummary`: a run's pod, with its one container `main`. Its times are `date-time` strings.
struct WirePodSummary: JSONWritable {
    let pod: PodView

    func write(to output: inout JSONOutput) {
        output.object { json in
            writeKubernetesObject(name: pod.name, labels: ["saturncloud.io/resource-id": pod.resourceID.description], to: &json)
            json.key("started_at")
            json.string(pod.startedAt.map(UTCTimestamp.format))
            json.key("deleted_at")
            json.string(pod.status == .stopping ? pod.schedule.run.stopRequestedAt.map(UTCTimestamp.format) : nil)
            json.key("completed_at")
            json.string(pod.endedAt.map(UTCTimestamp.format))
            json.key("status")
            json.string(pod.status.rawValue)
            json.key("init_container_summaries")
            json.array([String]()) { _, _ in }
            json.key("container_summaries")
            json.array([pod]) { json, pod in WireContainerSummary(pod: pod).write(to: &json) }
            json.key("node_name")
            json.null()
            json.key("reason")
            json.null()
        }
    }
}

/// `ContainerRuntimeSummary` of a pod's one container, `main`. Kubernetes' container states have no stopping or
/// stopped: a stopping container still runs, a stopped one has terminated (`completed`).
struct WireContainerSummary: JSONWritable {
    let pod: PodView

    private var status: String {
        switch pod.status {
        case .pending: return "waiting"
        case .running, .stopping: return "running"
        case .stopped, .completed: return "completed"
        case .error: return "error"
        }
    }

    func write(to output: inout JSONOutput) {
        output.object { json in
            writeKubernetesObject(name: "main", uid: "\(pod.name)-main", labels: [:], to: &json)
            json.key("started_at")
            json.string(pod.startedAt.map(UTCTimestamp.format))
            json.key("deleted_at")
            json.null()
            json.key("status")
            json.string(status)
            json.key("finished_at")
            json.string(pod.endedAt.map(UTCTimestamp.format))
            json.key("restart_policy")
            json.string("Never")
            json.key("image_pulled")
            json.bool(pod.startedAt != nil)
            json.key("exit_code")
            if pod.status == .completed { json.integer(0) } else { json.null() }
            json.key("reason")
            json.null()
            json.key("previous")
            json.null()
        }
    }
}

/// What pod and container summaries share: Kubernetes' name, namespace, uid, controller, labels, annotations and
/// conditions. The mock's pods have no controller, annotations or conditions.
private func writeKubernetesObject(name: String, uid: String? = nil, labels: [String: String], to json: inout JSONOutput) {
    json.key("name")
    json.string(name)
    json.key("namespace")
    json.string("main-namespace")
    json.key("uid")
    json.string(uid ?? name)
    json.key("controller_uid")
    json.null()
    json.key("controller_kind")
    json.null()
    json.key("labels")
    json.object(sorted: labels) { json, value in json.string(value) }
    json.key("annotations")
    json.object { _ in }
    json.key("conditions")
    json.array([String]()) { _, _ in }
}

/// `PodLogs`.
struct WirePodLogs: JSONWritable {
    let text: String

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("logs")
            json.string(text)
        }
    }
}

/// `ResourceHistory`: `PodHistory` entries, with the `end_time` saturn-client reads although the spec lacks it.
struct WireHistory: JSONWritable {
    let pods: [PodView]

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("pods")
            json.array(pods) { json, pod in
                json.object { json in
                    json.key("pod_name")
                    json.string(pod.name)
                    json.key("status")
                    json.string(pod.status.rawValue)
                    json.key("last_seen")
                    json.string(SaturnTime.format(pod.endedAt ?? pod.schedule.run.requestedAt))
                    json.key("start_time")
                    json.string(pod.startedAt.map(SaturnTime.format))
                    json.key("end_time")
                    json.string(pod.endedAt.map(SaturnTime.format))
                    json.key("label_job_name")
                    json.null()
                }
            }
        }
    }
}

/// `HistoricLog`: one line of a pod's log.
struct WireHistoricLog: JSONWritable {
    let pod: String
    let time: Date
    let text: String

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("timestamp")
            json.string(SaturnTime.format(time))
            json.key("content")
            json.string(text)
            json.key("pod_name")
            json.string(pod)
            json.key("container_name")
            json.string("main")
        }
    }
}
