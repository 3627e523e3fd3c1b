/// Secrets (README "Secrets, repositories and the references of recipes"): kept by id, named by the recipes of
/// workspaces, jobs and deployments.
extension Tenant {
    /// `POST /api/secrets`: a secret of an owner the caller may write for (itself, or anyone of an org it
    /// administers), unique by name for that owner.
    public func createSecret(_ draft: SecretDraft, caller: User) throws(DomainError) -> Committed<Secret> {
        try run { view throws(DomainError) in
            let owner = try Self.writableOwner(draft.owner, caller: caller, in: view.directory, path: "owner", action: "Making another identity's secrets")
            guard view.secret(owner: owner, named: draft.name) == nil else { throw .nameTaken(what: "secret of \(owner)", name: draft.name) }
            let secret = Secret(
                id: ids.entityID(.secret, "\(owner)/\(draft.name)", unusedIn: view.state.entities), name: draft.name, owner: owner, createdAt: view.now.wholeSeconds,
                access: draft.access, value: draft.value
            )
            return (.entities(put: [.secret(secret)], removing: []), secret)
        }
    }

    /// `PATCH /api/secrets/{id}`: a new name (unique for its owner), access or value, by its owner or an admin of its
    /// org; not a name or access that would leave a recipe or a repository no longer naming it.
    public func editSecret(_ id: String, _ edit: SecretEdit, caller: User) throws(DomainError) -> Committed<Secret> {
        try editShared(Secret.self, id: id, caller: caller, action: "Changing another identity's secrets", what: Self.described) { secret, view throws(DomainError) in
            if let name = edit.name, name != secret.name {
                guard view.secret(owner: secret.owner, named: name) == nil else { throw .nameTaken(what: "secret of \(secret.owner)", name: name) }
                secret.name = name
            }
            if let access = edit.access { secret.access = access }
            if let value = edit.value { secret.value = value }
        }
    }

    /// `DELETE /api/secrets/{id}`: its owner or an admin of its org, when no recipe or repository names it.
    public func deleteSecret(_ id: String, caller: User) throws(DomainError) -> Committed<Secret> {
        try deleteShared(Secret.self, id: id, caller: caller, action: "Changing another identity's secrets", what: Self.described)
    }

    /// A secret in a refusal's words.
    private static func described(_ secret: Secret) -> String {
        "Secret '\(secret.owner)/\(secret.name)'"
    }
}
