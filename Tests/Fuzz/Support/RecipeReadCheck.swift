import SaturnDomain
import SaturnJSON

/// What the modern-reader and resource-reader targets check of one recipe body.
enum RecipeReadCheck {
    /// Reads `body` with and without `?enforce_unknown`: a body the strict reading accepts has no unknown field, so the
    /// lenient reading gives the same draft; an accepted draft has the body's type and `spec.name`.
    static func read(_ body: JSONValue) {
        let strict = try? ModernRecipeReader.read(body, rejectUnknownFields: true)
        let lenient = try? ModernRecipeReader.read(body, rejectUnknownFields: false)
        if let strict { fuzzCheck(lenient == strict, "the lenient reading gives \(String(describing: lenient)), the strict one \(strict)") }
        guard let lenient else { return }
        guard case let .object(recipe) = body, case let .object(spec)? = recipe["spec"] else {
            fatalError("fuzz property broken: a recipe without a spec object was read")
        }
        fuzzCheck(recipe["type"] == .string(lenient.type.rawValue), "a \(String(describing: recipe["type"])) recipe read as a \(lenient.type)")
        fuzzCheck(spec["name"] == .string(lenient.name), "spec.name \(String(describing: spec["name"])) read as '\(lenient.name)'")
    }
}
