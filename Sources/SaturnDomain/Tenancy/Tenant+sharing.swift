/// What every family an owner shares (`Shareable`) is changed and deleted by.
extension Tenant {
    /// Changes one of a family by id, by its owner or an admin of its org: `change` applies the request to it (and
    /// may refuse), and the result must leave every recipe (and repository, for a secret) naming what it named.
    /// `action` says what a refused caller tried, `what` names it in a refusal.
    func editShared<Item: Shareable>(
        _: Item.Type, id: String, caller: User, action: String, what: (Item) -> String,
        change: (inout Item, TenantView) throws(DomainError) -> Void
    ) throws(DomainError) -> Committed<Item> {
        try run { view throws(DomainError) in
            let before = try view.shared(Item.self, id: id, caller: caller)
            try Permission.checkOwnerOrOrgAdmin(before.owner, caller: caller, action: action)
            var item = before
            try change(&item, view)
            let write = TenantWrite.entities(put: [item.entity], removing: [])
            try view.checkStillNamed(EntityKey(Item.family, id), after: write, what: what(before))
            return (write, item)
        }
    }

    /// Deletes one of a family by id, by its owner or an admin of its org, when no recipe (nor repository, for a
    /// secret) names it; `action` says what a refused caller tried, `what` names it in a refusal.
    func deleteShared<Item: Shareable>(
        _: Item.Type, id: String, caller: User, action: String, what: (Item) -> String
    ) throws(DomainError) -> Committed<Item> {
        try run { view throws(DomainError) in
            let item = try view.shared(Item.self, id: id, caller: caller)
            try Permission.checkOwnerOrOrgAdmin(item.owner, caller: caller, action: action)
            let write = TenantWrite.entities(put: [], removing: [EntityKey(Item.family, id)])
            try view.checkStillNamed(EntityKey(Item.family, id), after: write, what: what(item))
            return (write, item)
        }
    }
}
