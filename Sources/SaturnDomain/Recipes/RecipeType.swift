/// The recipe types Saturn's API knows. Listings order them by name, as they order owners and recipe names.
public enum RecipeType: String, CaseIterable, Comparable, Sendable {
    case deployment
    case image
    case job
    case workspace

    /// By name, the order of listings.
    public static func < (lhs: RecipeType, rhs: RecipeType) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// The type a path or query names; an unknown name is `unknownRecipeType`.
    public static func named(_ text: String) throws(DomainError) -> RecipeType {
        guard let type = RecipeType(rawValue: text) else { throw .unknownRecipeType(text) }
        return type
    }

    /// Every type's name, for messages.
    public static var names: [String] { allCases.map(\.rawValue) }
}
