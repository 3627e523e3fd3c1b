import SaturnDomain
import SaturnJSON

/// What pod and container summaries share: Kubernetes' name, namespace, uid, controller, labels, annotations and
/// conditions. The mock's pods have no controller, annotations or conditions.
struct WireKubernetesObject {
    let name: String
    var uid: String?
    let labels: [String: String]

    /// The members, into an object the caller opened.
    func writeMembers(to json: inout JSONOutput) {
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
}
