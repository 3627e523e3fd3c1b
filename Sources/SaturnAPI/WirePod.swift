import FoundationEssentials
import SaturnDomain
import SaturnJSON

/// `PodRuntimeSummary`: a run's pod, with its one container `main`. Its times are `date-time` strings.
struct WirePodSummary: JSONWritable {
    let pod: PodView
    let resourceID: String

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("name")
            json.string(pod.name)
            json.key("namespace")
            json.string("main-namespace")
            json.key("uid")
            json.string(pod.name)
            json.key("controller_uid")
            json.null()
            json.key("controller_kind")
            json.null()
            json.key("labels")
            json.object { json in
                json.key("saturncloud.io/resource-id")
                json.string(resourceID)
            }
            json.key("annotations")
            json.object { _ in }
            json.key("conditions")
            json.array([String]()) { _, _ in }
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
            json.array([pod]) { json, pod in
                json.object { json in
                    json.key("name")
                    json.string("main")
                    json.key("image")
                    json.string(pod.schedule.run.imageURI)
                    json.key("status")
                    json.string(pod.status.rawValue)
                    json.key("started_at")
                    json.string(pod.startedAt.map(UTCTimestamp.format))
                    json.key("completed_at")
                    json.string(pod.endedAt.map(UTCTimestamp.format))
                }
            }
            json.key("node_name")
            json.null()
            json.key("reason")
            json.null()
        }
    }
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
