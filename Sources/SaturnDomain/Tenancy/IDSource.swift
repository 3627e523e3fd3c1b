/// Where a tenant's new ids and secrets come from: random, or (`--deterministic-ids`) derived from the tenant and
/// what they identify, so that the same test gives byte-identical answers on every run.
public struct IDSource: Sendable {
    /// The tenant the ids belong to.
    public let tenant: String
    /// True for ids derived from what they identify.
    public let deterministic: Bool
    /// Creates a source for one tenant.
    public init(tenant: String, deterministic: Bool) {
        self.tenant = tenant
        self.deterministic = deterministic
    }

    /// The id of a new recipe.
    public func recipeID(_ key: RecipeKey) -> RecordID {
        RecordID(make("recipe", "\(key.type.rawValue)/\(key.owner)/\(key.name)"))
    }

    /// The id of a new part of a recipe (an image's version), by its name.
    public func partID(of recipeID: RecordID, named name: String) -> RecordID {
        RecordID(make("part", "\(recipeID)/\(name)"))
    }

    /// The id of a new entity, from its family and a name unique in it (`org/name` for a shared folder of an org),
    /// that no entity of `entities` has: a renamed entity keeps the id its first name made, which a deterministic id
    /// of a new entity of that name would take again.
    func entityID(_ family: EntityFamily, _ uniqueName: String, unusedIn entities: EntityStore) -> String {
        var attempt = 0
        while true {
            let id = make(family.rawValue, attempt == 0 ? uniqueName : "\(uniqueName)#\(attempt)")
            if entities[EntityKey(family, id)] == nil { return id }
            attempt += 1
        }
    }

    /// A new token and refresh token for a user who holds `held` tokens in the tenant already; `replacing` is the
    /// token the new one replaces, so that derived tokens differ from the one they replace.
    public func tokens(for username: String, held: Int, replacing: String? = nil) -> UserTokens {
        let name = "\(username)/\(held + 1)" + (replacing.map { "/after/\($0)" } ?? "")
        return UserTokens(username: username, token: make("token", name), refreshToken: make("refresh-token", name))
    }

    /// The id of a new upload of object storage; `attempt` counts up past ids in use.
    public func objectUploadID(owner: OwnerPath, path: String, attempt: Int) -> String {
        make("object-upload", "\(owner)/\(path)#\(attempt)")
    }

    private func make(_ kind: String, _ name: String) -> String {
        deterministic ? StableID.make(kind: kind, name: "\(tenant)/\(name)") : StableID.random()
    }
}
