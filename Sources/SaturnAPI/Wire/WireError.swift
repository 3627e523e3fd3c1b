import SaturnDomain
import SaturnJSON

/// Every non-2xx body (README "Errors").
struct WireError: JSONWritable {
    let message: String
    let errorCode: String
    let errors: [String: [String]]?

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("message")
            json.string(message)
            json.key("error_code")
            json.string(errorCode)
            if let errors {
                json.key("errors")
                json.object(sorted: errors) { json, problems in
                    json.array(problems) { json, problem in json.string(problem) }
                }
            }
        }
    }
}
