import FoundationEssentials

/// One transaction of one tenant, as the store journals it: replaying every transaction in order rebuilds every
/// tenant (`LoadedState.apply`).
public struct StoreTransaction: Sendable, Equatable {
    /// The tenant it belongs to (`TenantRegistry.defaultTenant` for the installation served at `/api`).
    public let tenant: String
    public let change: TenantChange

    /// Creates a transaction.
    public init(tenant: String, change: TenantChange) {
        self.tenant = tenant
        self.change = change
    }
}

/// What a transaction does to its tenant.
public enum TenantChange: Sendable, Equatable {
    /// Recipes written whole, and recipes removed (a rename removes the old key and writes the new one).
    case put([Recipe], removing: [RecipeKey] = [])
    /// The tenant comes to be, with its users' tokens and its first content.
    case create(TenantRecord, content: TenantContent)
    /// The tenant and all it holds are gone.
    case delete
    /// The tenant's content is replaced whole: empty for a reset, a snapshot's for a restore or an import.
    case replace(TenantContent)
    /// A user, a membership or a token is minted, in place of the minted token `replacing` (a refresh's earlier one).
    case mint(MintedToken, replacing: String? = nil)
}

/// What a tenant holds beyond the seed: its recipes and the identities minted in it.
public struct TenantContent: Sendable, Equatable {
    public var recipes: [Recipe]
    public var minted: [MintedToken]

    /// Creates content.
    public init(recipes: [Recipe] = [], minted: [MintedToken] = []) {
        self.recipes = recipes
        self.minted = minted
    }
}

/// A tenant's own copy of the seed's users: one fresh token and refresh token each, unique across tenants.
public struct TenantRecord: Sendable, Equatable {
    public let name: String
    public let tokens: [UserTokens]

    /// Creates a record.
    public init(name: String, tokens: [UserTokens]) {
        self.name = name
        self.tokens = tokens
    }
}

/// A user's access token and refresh token.
public struct UserTokens: Sendable, Equatable {
    public let username: String
    public let token: String
    public let refreshToken: String

    /// Creates a pair.
    public init(username: String, token: String, refreshToken: String) {
        self.username = username
        self.token = token
        self.refreshToken = refreshToken
    }
}

/// A token minted by the control plane, with the user and the membership it may create.
public struct MintedToken: Sendable, Equatable {
    public let username: String
    public let org: String
    public let role: OrgRole
    public let token: String
    public let refreshToken: String
    public let expiresAt: Date?

    /// Creates a minted token.
    public init(username: String, org: String, role: OrgRole, token: String, refreshToken: String, expiresAt: Date?) {
        self.username = username
        self.org = org
        self.role = role
        self.token = token
        self.refreshToken = refreshToken
        self.expiresAt = expiresAt
    }
}
