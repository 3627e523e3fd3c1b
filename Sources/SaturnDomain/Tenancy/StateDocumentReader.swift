import FoundationEssentials
import SaturnJSON

/// Reads a state document (README "Testing with the mock") as the content it stands for. Every recipe is read as
/// `PUT /api/recipes` reads one, with a full `spec.owner`; `state` ids are kept when given, and must be unique and
/// usable in a URL path. Minted users get fresh tokens. Every problem is named by its path.
struct StateDocumentReader {
    /// The tenant's identities before anything was minted.
    let base: IdentityDirectory
    let ids: IDSource
    let now: Date

    /// The content, or every problem found.
    func read(_ body: JSONValue) throws(DomainError) -> TenantContent {
        var issues = ValidationIssues()
        guard let document = JSONFields(body, path: "", issues: &issues) else { throw .invalid(issues) }
        document.rejectUnknown(allowed: ["saturn_mock_state", "minted", "recipes"], issues: &issues)
        if let version = document.integer("saturn_mock_state", in: 0...Int.max, issues: &issues) {
            if version != TenantStateDocument.version {
                issues.add("saturn_mock_state", "this build reads version \(TenantStateDocument.version), not \(version)")
            }
        } else if document.values["saturn_mock_state"] == nil {
            issues.add("saturn_mock_state", "is required (\(TenantStateDocument.version)): is this a document of GET /_mock/state?")
        }
        var directory = base
        var minted: [MintedToken] = []
        for (index, item) in (document.array("minted", issues: &issues) ?? []).enumerated() {
            guard let token = readMinted(item, path: "minted[\(index)]", directory: directory, issues: &issues) else { continue }
            do throws(DomainError) {
                directory = try directory.minting(token)
                minted.append(token)
            } catch {
                switch error {
                case let .invalid(problems): issues.add(contentsOf: problems.under("minted[\(index)]"))
                case let .roleConflict(username, org, held): issues.add("minted[\(index)].role", "'\(username)' is listed as \(held) of '\(org)' before")
                default: issues.add("minted[\(index)]", "cannot be minted")
                }
            }
        }
        var recipes: [RecipeKey: Recipe] = [:]
        var idPaths: [RecordID: String] = [:]
        for (index, item) in (document.array("recipes", required: true, issues: &issues) ?? []).enumerated() {
            let path = "recipes[\(index)]"
            guard let recipe = readRecipe(item, path: path, directory: directory, issues: &issues) else { continue }
            if recipes[recipe.key] != nil {
                issues.add("\(path).spec.name", "\(recipe.type.rawValue) '\(recipe.name)' of \(recipe.owner) is given more than once")
            }
            recipes[recipe.key] = recipe
            // Ids name recipes and versions in the REST paths (/api/images/{id}/tags/{id}) and in resources' bindings.
            let named = [(recipe.id, "\(path).state.id")] + recipe.versions.enumerated().map { ($1.id, "\(path).state.versions[\($0)].id") }
            for (id, idPath) in named {
                if let earlier = idPaths[id] {
                    issues.add(idPath, "'\(id)' is the id of \(earlier) already; ids are unique")
                } else {
                    idPaths[id] = idPath
                }
            }
        }
        try issues.throwIfAny()
        return TenantContent(recipes: recipes.values.sorted { $0.key < $1.key }, minted: minted)
    }

    private func readMinted(_ value: JSONValue, path: String, directory: IdentityDirectory, issues: inout ValidationIssues) -> MintedToken? {
        guard let fields = JSONFields(value, path: path, issues: &issues) else { return nil }
        fields.rejectUnknown(allowed: ["username", "org", "role", "expires_at"], issues: &issues)
        let username = fields.string("username", required: true, maxLength: FieldLimits.ownerName, issues: &issues)
        let org = fields.string("org", required: true, maxLength: FieldLimits.ownerName, issues: &issues)
        let role = fields.oneOf("role", [OrgRole.admin.rawValue, OrgRole.member.rawValue], required: true, issues: &issues)
        var expiresAt: Date?
        if let text = fields.string("expires_at", issues: &issues) {
            expiresAt = UTCTimestamp.parse(text)
            if expiresAt == nil { issues.add(fields.path("expires_at"), "must be \(UTCTimestamp.expectation), not '\(text)'") }
        }
        guard let username, let org, let role = role.flatMap(OrgRole.init(rawValue:)) else { return nil }
        let pair = ids.tokens(for: username, held: directory.tokenCount(of: username))
        return MintedToken(username: username, org: org, role: role, token: pair.token, refreshToken: pair.refreshToken, expiresAt: expiresAt)
    }

    private func readRecipe(_ value: JSONValue, path: String, directory: IdentityDirectory, issues: inout ValidationIssues) -> Recipe? {
        let draft: RecipeDraft
        do throws(DomainError) {
            draft = try ModernRecipeReader.read(value, rejectUnknownFields: true)
        } catch {
            if case let .invalid(problems) = error { issues.add(contentsOf: problems.under(path)) }
            return nil
        }
        guard case let .string(ownerText)? = JSONFields(value, path: path, issues: &issues)?.values["spec"].flatMap({ spec -> JSONValue? in
            if case let .object(members) = spec { return members["owner"] }
            return nil
        }), let parts = OwnerPath.parts(of: ownerText), let org = parts.org, let identity = parts.identity else {
            issues.add("\(path).spec.owner", "is required as \"org/identity\" in a state document")
            return nil
        }
        guard directory.org(named: org) != nil, identity == org || directory.user(named: identity)?.role(in: org) != nil else {
            issues.add("\(path).spec.owner", "'\(ownerText)' is not an org of the seed or a member of it")
            return nil
        }
        let owner = OwnerPath(org: org, identity: identity)
        let givenIDs = StateIDs(value, path: path, issues: &issues)
        let key = RecipeKey(type: draft.type, owner: owner, name: draft.name)
        let id = givenIDs.recipe ?? ids.recipeID(key)
        guard case let .image(image) = draft else {
            issues.add("\(path).type", "a state document holds image recipes; apply workspaces, jobs and deployments with PUT /api/recipes")
            return nil
        }
        let merge = ImageMerge.merge(image, onto: nil, now: now) { part in givenIDs.parts[part] ?? ids.partID(of: id, named: part) }
        return Recipe(id: id, owner: owner, name: draft.name, spec: .image(merge.spec), createdAt: now)
    }
}

/// The ids a state document's recipe keeps in its `state`: the recipe's, and its versions' by version name.
private struct StateIDs {
    var recipe: RecordID?
    var parts: [String: RecordID] = [:]

    init(_ value: JSONValue, path: String, issues: inout ValidationIssues) {
        guard case let .object(members) = value, let stateValue = members["state"], stateValue != .null,
              let state = JSONFields(stateValue, path: "\(path).state", issues: &issues) else { return }
        recipe = Self.addressableID(state, "id", issues: &issues)
        guard case let .object(spec)? = members["spec"], case let .array(versions)? = spec["versions"] else { return }
        for (index, item) in (state.array("versions", issues: &issues) ?? []).enumerated() where index < versions.count {
            guard let entry = JSONFields(item, path: "\(path).state.versions[\(index)]", issues: &issues),
                  let id = Self.addressableID(entry, "id", issues: &issues),
                  case let .object(version) = versions[index], case let .string(name)? = version["name"] else { continue }
            parts[name] = id
        }
    }

    /// An id a URL path can carry as one segment: letters, digits, `-`, `_` and `.`, starting with a letter or digit.
    private static func addressableID(_ fields: JSONFields, _ key: String, issues: inout ValidationIssues) -> RecordID? {
        guard let text = fields.string(key, maxLength: FieldLimits.name, issues: &issues) else { return nil }
        guard RecordID.isAddressable(text) else {
            issues.add(fields.path(key), "'\(text)' cannot name a recipe in a URL: ids are letters, digits, '-', '_' and '.', starting with a letter or digit")
            return nil
        }
        return RecordID(text)
    }
}
