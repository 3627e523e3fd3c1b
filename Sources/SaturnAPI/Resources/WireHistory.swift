import SaturnDomain
import SaturnJSON

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
