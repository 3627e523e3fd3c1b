import SaturnJSON

/// The references a workspace, job or deployment makes (`ResourceReference`), resolved against what the recipe's
/// owner can see, and what a change to a secret, folder or repository would break.
extension TenantView {
    /// Records a problem at the path of every reference of `settings` (the spec at `path`) that names nothing
    /// `owner` can see, or that cannot choose among several.
    func checkReferences(in settings: [String: JSONValue], path: String, owner: OwnerPath, issues: inout ValidationIssues) {
        for reference in ResourceReferenceReader.all(in: settings, path: path) { _ = resolve(reference, owner: owner, issues: &issues) }
    }

    /// The `git_repositories` entries of `attachments`: each repository by id, which `owner` must see, by its URL.
    func gitRepositories(_ attachments: [RepositoryAttachment], owner: OwnerPath, issues: inout ValidationIssues) -> JSONValue {
        .array(attachments.compactMap { attachment in
            guard let repo = state.entities.one(ExternalRepo.self, id: attachment.repoID), sees(repo, asOwner: owner) else {
                issues.add("\(attachment.jsonPath).external_repo_id", "names no external repository that \(owner) can see (GET /api/external_repos lists them, with their ids)")
                return nil
            }
            return attachment.recipeEntry(url: repo.remoteURL)
        })
    }

    /// Refuses `write` when it would leave a resource's reference, or a repository's SSH key, no longer naming the
    /// entity of `key` (`what`, in words): it is deleted, renamed, moved to another URL or hidden from them.
    func checkStillNamed(_ key: EntityKey, after write: TenantWrite, what: String) throws(DomainError) {
        var after = state
        _ = after.apply(write)
        let changed = TenantView(tenant: tenant, state: after, settings: settings, now: now)
        var ignored = ValidationIssues()
        let resources = state.catalog.resources.filter { recipe in
            guard case let .resource(spec) = recipe.spec else { return false }
            return ResourceReferenceReader.all(in: spec.settings, path: "spec").contains { reference in
                resolve(reference, owner: recipe.owner, issues: &ignored) == key && changed.resolve(reference, owner: recipe.owner, issues: &ignored) != key
            }
        }.map { "\($0.type.rawValue) '\($0.owner)/\($0.name)'" }
        let repositories = state.entities.all(ExternalRepo.self).filter { repo in
            key.family == .secret && repo.sshKeyID == key.id && (try? changed.sshKey(key.id, for: repo.owner)) == nil
        }.map { "external repository '\($0.owner)/\($0.remoteURL)'" }
        guard resources.isEmpty && repositories.isEmpty else { throw .stillUsed(what: what, users: resources + repositories) }
    }

    /// The entity a reference names for a recipe of `owner`: among those of its name (a repository: its URL) that the
    /// owner sees and that are the reference's owner's when it gives one, the only one, else the owner's own, else
    /// the org's own. Nil, with the problem recorded, when there is none or no way to choose.
    func resolve(_ reference: ResourceReference, owner: OwnerPath, issues: inout ValidationIssues) -> EntityKey? {
        switch reference.target {
        case let .secret(name, given):
            let named = state.entities.all(Secret.self).filter { $0.name == name }
            let lookup = Lookup(what: "secret '\(name)'", listing: "GET /api/secrets", given: given)
            return choose(named, lookup, owner: owner, at: reference.path, issues: &issues).map { EntityKey(.secret, $0.id) }
        case let .sharedFolder(name, given):
            let named = state.entities.all(SharedFolder.self).filter { $0.name == name }
            let lookup = Lookup(what: "shared folder '\(name)'", listing: "GET /api/shared_folders", given: given)
            return choose(named, lookup, owner: owner, at: reference.path, issues: &issues).map { EntityKey(.sharedFolder, $0.id) }
        case let .gitRepository(url):
            let named = state.entities.all(ExternalRepo.self).filter { $0.remoteURL == url }
            let lookup = Lookup(
                what: "external repository '\(url)'", listing: "GET /api/external_repos", field: "url",
                remedy: "add it as the owner's own (POST /api/external_repos), which a reference prefers"
            )
            return choose(named, lookup, owner: owner, at: reference.path, issues: &issues).map { EntityKey(.externalRepo, $0.id) }
        }
    }

    /// What a reference looks for, in words, and how to tell its problems: the field that names it, what lists the
    /// candidates, and how to choose among several.
    private struct Lookup {
        let what: String
        let listing: String
        var given: OwnerReference?
        var field = "name"
        var remedy = "give its owner"
    }

    /// The one of `named` a reference at `path` means; see `resolve`.
    private func choose<Item: Shareable>(_ named: [Item], _ lookup: Lookup, owner: OwnerPath, at path: String, issues: inout ValidationIssues) -> Item? {
        var candidates = named.filter { sees($0, asOwner: owner) }
        if let given = lookup.given {
            guard let selected = try? directory.locate(given, defaultOrg: owner.org, path: "\(path).owner") else {
                issues.add("\(path).owner", "names no org, user or group of this installation")
                return nil
            }
            candidates = candidates.filter { item in
                item.owner.org == selected.org.name && (selected.identity.map { $0 == item.owner.identity } ?? true)
            }
        }
        let preferences: [(Item) -> Bool] = [{ _ in true }, { $0.owner == owner }, { $0.owner.identity == $0.owner.org }]
        if let chosen = preferences.lazy.map({ candidates.filter($0) }).first(where: { $0.count == 1 })?.first { return chosen }
        if candidates.isEmpty {
            issues.add("\(path).\(lookup.field)", "names no \(lookup.what) that \(owner) can see (\(lookup.listing) lists them)")
        } else {
            let owners = candidates.map(\.owner.description).sorted().joined(separator: ", ")
            issues.add("\(path).\(lookup.field)", "more than one \(lookup.what) that \(owner) can see matches (owners: \(owners)); \(lookup.remedy)")
        }
        return nil
    }
}
