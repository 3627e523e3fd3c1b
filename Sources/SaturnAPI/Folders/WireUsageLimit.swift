import SaturnDomain
import SaturnJSON

/// Saturn's `UsageLimits`: every cap present, null where there is no limit. Without `token_factory_enabled`, which
/// the spec requires: saturn-client builds its `UsageLimit` dataclass from the answer and fails on any other field.
struct WireUsageLimit: JSONWritable {
    let limit: UsageLimit

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("id")
            json.string(limit.id)
            json.key("org_id")
            json.string(limit.orgID)
            json.key("created_at")
            json.string(SaturnTime.format(limit.createdAt))
            json.key("name")
            json.string(limit.name)
            json.key("is_default")
            json.bool(limit.isDefault)
            json.key("instance_sizes")
            if let sizes = limit.instanceSizes { json.array(sizes) { json, size in json.string(size) } } else { json.null() }
            json.key("resource_types")
            if let types = limit.resourceTypes { json.array(types) { json, type in json.string(type) } } else { json.null() }
            for name in UsageLimit.amountNames {
                json.key(name)
                if let amount = limit.amounts[name] { json.integer(amount) } else { json.null() }
            }
        }
    }
}
