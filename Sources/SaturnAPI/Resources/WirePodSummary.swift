import SaturnDomain
import SaturnJSON

/// `PodRuntimeSummary`: a run's pod, with its one container `main`. Its times are `date-time` strings.
struct WirePodSummary: JSONWritable {
    let pod: PodView

    func write(to output: inout JSONOutput) {
        output.object { json in
            WireKubernetesObject(name: pod.name, labels: ["saturncloud.io/resource-id": pod.resourceID.description]).writeMembers(to: &json)
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
