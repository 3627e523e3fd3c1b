import SaturnDomain

/// What a request changed, as the request journal shows it: a recipe created, updated or deleted, with the ids
/// of its parts (an image's versions) before and after.
struct RecordedChange: Sendable {
    let type: String
    let owner: String
    let name: String
    let id: RecordID
    let action: String
    let partsBefore: [RecordID]?
    let partsAfter: [RecordID]?

    /// What a command by id did to its recipe (`updated`, `deleted`, `started`, …).
    static func of(_ change: RecipeChange, action: String) -> RecordedChange {
        let recipe = change.current
        return RecordedChange(
            type: recipe.type.rawValue, owner: recipe.owner.description, name: recipe.name, id: recipe.id, action: action,
            partsBefore: change.before.spec.partIDs, partsAfter: change.after?.spec.partIDs
        )
    }

    /// The changes an apply made; recipes it left unchanged are not changes.
    static func of(_ outcome: ApplyOutcome) -> [RecordedChange] {
        outcome.recipes.filter { $0.action != .unchanged }.map { applied in
            RecordedChange(
                type: applied.recipe.type.rawValue, owner: applied.recipe.owner.description, name: applied.recipe.name,
                id: applied.recipe.id, action: applied.action.rawValue,
                partsBefore: applied.previous?.spec.partIDs, partsAfter: applied.recipe.spec.partIDs
            )
        }
    }
}
