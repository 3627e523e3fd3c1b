import SaturnJSON

extension ResourceTemplate {
    /// A template's recipe: a workspace, job or deployment recipe that `PUT /api/recipes` would read, kept without
    /// its owner and state; problems are named under `recipe`.
    static func templateRecipe(_ recipe: JSONValue) throws(DomainError) -> JSONValue {
        let draft: RecipeDraft
        do throws(DomainError) {
            draft = try ModernRecipeReader.read(recipe, rejectUnknownFields: true)
        } catch {
            if case let .invalid(issues) = error { throw .invalid(issues.under("recipe")) }
            throw error
        }
        guard case .resource = draft else {
            throw .invalid(at: "recipe.type", "a resource template holds a workspace, job or deployment recipe, not an \(draft.type.rawValue)")
        }
        guard case var .object(members) = recipe else { return recipe }
        members["state"] = nil
        if case var .object(spec)? = members["spec"] {
            spec["owner"] = nil
            members["spec"] = .object(spec)
        }
        return .object(members)
    }
}
