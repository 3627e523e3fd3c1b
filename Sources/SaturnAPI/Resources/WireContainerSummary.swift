import SaturnDomain
import SaturnJSON

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
            WireKubernetesObject(name: "main", uid: "\(pod.name)-main", labels: [:]).writeMembers(to: &json)
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
