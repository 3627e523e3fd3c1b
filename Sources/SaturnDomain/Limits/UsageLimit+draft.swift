extension UsageLimit {
    /// The limit with a draft's given fields in place.
    func applying(_ draft: UsageLimitDraft) -> UsageLimit {
        var limit = self
        if let name = draft.name { limit.name = name }
        if let isDefault = draft.isDefault { limit.isDefault = isDefault }
        if let sizes = draft.instanceSizes { limit.instanceSizes = sizes }
        if let types = draft.resourceTypes { limit.resourceTypes = types }
        for (name, amount) in draft.amounts { limit.amounts[name] = amount }
        return limit
    }
}
