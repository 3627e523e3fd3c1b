import SaturnDomain

/// What a request changed, as the request journal shows it: a recipe created, updated or deleted, with the ids
/// of its parts (an image's versions) before and after; or an entity (an org, a user, a shared folder, …).
struct RecordedChange: Sendable {
    let type: String
    let owner: String
    let name: String
    let id: String
    let action: String
    let partsBefore: [RecordID]?
    let partsAfter: [RecordID]?

    /// What a command by id did to its recipe (`updated`, `deleted`, `started`, …).
    static func of(_ change: RecipeChange, action: String) -> RecordedChange {
        let recipe = change.current
        return RecordedChange(
            type: recipe.type.rawValue, owner: recipe.owner.description, name: recipe.name, id: recipe.id.description, action: action,
            partsBefore: change.before.spec.partIDs, partsAfter: change.after?.spec.partIDs
        )
    }

    /// The changes an apply made; recipes it left unchanged are not changes.
    static func of(_ outcome: ApplyOutcome) -> [RecordedChange] {
        outcome.recipes.filter { $0.action != .unchanged }.map { applied in
            RecordedChange(
                type: applied.recipe.type.rawValue, owner: applied.recipe.owner.description, name: applied.recipe.name,
                id: applied.recipe.id.description, action: applied.action.rawValue,
                partsBefore: applied.previous?.spec.partIDs, partsAfter: applied.recipe.spec.partIDs
            )
        }
    }

    /// What a command did to an entity: `type` is its family's stored name; `owner` is empty for those no one owns.
    static func of(_ family: EntityFamily, id: String, owner: String = "", name: String, action: String) -> RecordedChange {
        RecordedChange(type: family.rawValue, owner: owner, name: name, id: id, action: action, partsBefore: nil, partsAfter: nil)
    }
}
