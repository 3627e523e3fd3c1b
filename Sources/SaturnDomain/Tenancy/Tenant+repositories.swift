/// External repositories (README "Secrets, repositories and the references of recipes"): kept by id, named by
/// their remote URL in the recipes of workspaces, jobs and deployments.
extension Tenant {
    /// `POST /api/external_repos`: a repository of an owner the caller may write for, one per remote URL for that
    /// owner; its SSH key a secret the owner can see.
    public func createExternalRepo(_ draft: ExternalRepoDraft, caller: User) throws(DomainError) -> Committed<ExternalRepo> {
        try run { view throws(DomainError) in
            guard let url = draft.remoteURL else { throw .invalid(at: "remote_url", "is required") }
            let owner = try Self.writableOwner(
                draft.owner, caller: caller, in: view.directory, path: "owner", action: "Making another identity's external repositories"
            )
            if let taken = view.externalRepo(owner: owner, url: url) { throw .repositoryExists(owner: owner.description, url: url, id: taken.id) }
            let repo = ExternalRepo(
                id: ids.entityID(.externalRepo, "\(owner)/\(url)", unusedIn: view.state.entities), owner: owner, createdAt: view.now.wholeSeconds, remoteURL: url,
                sshKeyID: try view.sshKey(draft.sshKeyID ?? nil, for: owner)
            )
            return (.entities(put: [.externalRepo(repo)], removing: []), repo)
        }
    }

    /// `PATCH /api/external_repos/{id}`: a new remote URL (one per URL for its owner) or SSH key, by its owner or an
    /// admin of its org; not a URL that would leave a recipe no longer naming it.
    public func editExternalRepo(_ id: String, _ draft: ExternalRepoDraft, caller: User) throws(DomainError) -> Committed<ExternalRepo> {
        let action = "Changing another identity's external repositories"
        return try editShared(ExternalRepo.self, id: id, caller: caller, action: action, what: Self.described) { repo, view throws(DomainError) in
            if let url = draft.remoteURL, url != repo.remoteURL {
                if let taken = view.externalRepo(owner: repo.owner, url: url) { throw .repositoryExists(owner: repo.owner.description, url: url, id: taken.id) }
                repo.remoteURL = url
            }
            if let sshKeyID = draft.sshKeyID { repo.sshKeyID = try view.sshKey(sshKeyID, for: repo.owner) }
        }
    }

    /// `DELETE /api/external_repos/{id}`: its owner or an admin of its org, when no recipe names it.
    public func deleteExternalRepo(_ id: String, caller: User) throws(DomainError) -> Committed<ExternalRepo> {
        try deleteShared(ExternalRepo.self, id: id, caller: caller, action: "Changing another identity's external repositories", what: Self.described)
    }

    /// A repository in a refusal's words.
    private static func described(_ repo: ExternalRepo) -> String {
        "External repository '\(repo.owner)/\(repo.remoteURL)'"
    }
}
