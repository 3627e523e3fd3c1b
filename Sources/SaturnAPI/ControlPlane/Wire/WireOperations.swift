import SaturnJSON

/// `GET /_mock/operations`: every operation of Saturn's spec with whether the mock serves it, the counts, and what the
/// mock serves beyond the spec.
struct WireOperations: JSONWritable {
    let coverage: SpecCoverage

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("spec_operations")
            json.integer(coverage.operations.count)
            json.key("served")
            json.integer(coverage.operations.count { $0.served })
            json.key("not_mocked")
            json.integer(coverage.operations.count { !$0.served })
            json.key("operations")
            json.array(coverage.operations) { json, operation in
                json.object { json in
                    json.key("method")
                    json.string(operation.method)
                    json.key("path")
                    json.string(operation.path)
                    json.key("served")
                    json.bool(operation.served)
                }
            }
            json.key("beyond_spec")
            json.array(coverage.beyondSpec) { json, route in
                json.object { json in
                    json.key("method")
                    json.string(route.method)
                    json.key("path")
                    json.string(route.path)
                }
            }
        }
    }
}
