/// Who may see a recipe besides its owner and the org's admins: its org, or every org of the installation.
public enum RecipeAccess: String, CaseIterable, Sendable {
    case account
    case org
    case owner
}
