/// One change a tenant's command decided on, handed to `Tenant.run`, the one path by which a tenant changes: what
/// the store journals, what the tenant's state applies, and so how it is undone.
enum TenantWrite: Sendable {
    /// Recipes written whole, and keys removed: applies, edits, renames, lifecycle calls, deletes.
    case recipes(put: [Recipe], removing: [RecipeKey])
    /// The content replaced whole: empty for a reset, a snapshot's for a restore, a state document's for an import.
    case content(TenantContent)
    /// A token minted, in place of the one with the token `replacing` (a refresh's earlier token).
    case token(MintedToken, replacing: String?)
    /// Entities written whole, and entities removed.
    case entities(put: [Entity], removing: [EntityKey])

    /// One recipe changed by id: written, renamed (its old key removed), or deleted.
    static func change(_ change: RecipeChange) -> TenantWrite {
        guard let after = change.after else { return .recipes(put: [], removing: [change.before.key]) }
        return .recipes(put: [after], removing: after.key == change.before.key ? [] : [change.before.key])
    }

    /// What the store journals.
    var storeChange: TenantChange {
        switch self {
        case let .recipes(put, removing): return .put(put, removing: removing)
        case let .content(content): return .replace(content)
        case let .token(token, replacing): return .mint(token, replacing: replacing)
        case let .entities(put, removing): return .entities(put: put, removing: removing)
        }
    }

    /// Whether it may leave blobs of object storage unused: the store sweeps them once it is durable.
    var mayReleaseBlobs: Bool {
        switch self {
        case .recipes, .token: return false
        case .content: return true
        case let .entities(put, removing):
            return (put.map(\.key) + removing).contains { $0.family == .objectFile || $0.family == .objectUpload }
        }
    }

    /// Whether it changes who the tenant's tokens belong to: the registry routes tokens anew.
    var changesIdentities: Bool {
        switch self {
        case .recipes: return false
        case .content, .token: return true
        case let .entities(put, removing):
            return (put.map(\.key) + removing).contains { $0.family == .org || $0.family == .user }
        }
    }
}
