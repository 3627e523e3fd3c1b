import MicroHTTP
import SaturnDomain

/// `/api/external_repos` (README "Secrets, repositories and the references of recipes").
enum ExternalRepoEndpoints {
    /// `GET /api/external_repos`: the repositories the caller sees, filtered by one owner selector and `remote_url`
    /// (a part of it), by owner and URL.
    static func list(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        var reader = QueryReader(context.request)
        let owner = reader.owner()
        let url = reader.value("remote_url")
        let view = context.tenant.view()
        let shown = try view.externalRepos(ownedBy: owner, caller: caller).filter { repo in url.map { repo.remoteURL.contains($0) } ?? true }
        let page = KeyedPage(shown, key: { "\($0.owner)/\($0.remoteURL)" }, reader: &reader)
        try reader.finish()
        return page.answer("external_repos") { WireExternalRepo(repo: $0, directory: view.directory) }
    }

    /// `POST /api/external_repos`: Saturn's `ExternalRepoCreate`, the caller in its default org when it names no
    /// owner.
    static func create(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        let draft = try draft(context, allowed: ["remote_url", "owner", "ssh_privatekey_id"], creating: true)
        return .written(try context.tenant.createExternalRepo(draft, caller: caller), status: 201, action: "created") { wire($0, context) }
    }

    /// `GET /api/external_repos/{external_repo_id}`.
    static func get(_ context: RequestContext) throws -> Answer {
        let view = context.tenant.view()
        let repo = try view.externalRepo(context.parameter("external_repo_id"), caller: context.caller())
        return .now(JSONResponse.make(200, WireExternalRepo(repo: repo, directory: view.directory)))
    }

    /// `PATCH /api/external_repos/{external_repo_id}`: Saturn's `ExternalRepoUpdate`, a new `remote_url` or
    /// `ssh_privatekey_id` (null clears it).
    static func update(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        let draft = try draft(context, allowed: ["remote_url", "ssh_privatekey_id"], creating: false)
        let edited = try context.tenant.editExternalRepo(context.parameter("external_repo_id"), draft, caller: caller)
        return .written(edited, status: 200, action: "updated") { wire($0, context) }
    }

    /// `DELETE /api/external_repos/{external_repo_id}`.
    static func delete(_ context: RequestContext) throws -> Answer {
        .deleted(try context.tenant.deleteExternalRepo(context.parameter("external_repo_id"), caller: context.caller()))
    }

    /// The body's fields, checked: a remote URL `git clone` takes, an owner, the id of the secret with the SSH key.
    private static func draft(_ context: RequestContext, allowed: Set<String>, creating: Bool) throws -> ExternalRepoDraft {
        let body = try ObjectBody(context, allowed: allowed)
        var issues = body.issues
        var draft = ExternalRepoDraft()
        if let fields = body.fields {
            draft.remoteURL = fields.gitRemote("remote_url", required: creating, issues: &issues)
            draft.owner = ModernRecipeReader.ownerReference(fields.values["owner"], path: "owner", issues: &issues)
            // A null clears the key; leaving it out keeps it.
            if fields.values["ssh_privatekey_id"] == .null {
                draft.sshKeyID = .some(nil)
            } else if let id = fields.string("ssh_privatekey_id", issues: &issues) {
                draft.sshKeyID = id
            }
        }
        try issues.throwIfAny()
        return draft
    }

    private static func wire(_ repo: ExternalRepo, _ context: RequestContext) -> WireExternalRepo {
        WireExternalRepo(repo: repo, directory: context.tenant.directory)
    }
}
