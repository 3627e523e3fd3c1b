import FoundationEssentials
import Glibc
import SaturnJSON

/// Reads the seed format (README "The demo seed") into an `IdentityDirectory`, refusing the first entry that breaks a rule.
public enum Seed {
    static let defaultCreatedAt = "2022-04-01T00:00:00+00:00"

    /// Loads and checks a seed file.
    public static func load(path: String) throws(SeedError) -> IdentityDirectory {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SeedError(file: path, entry: "(file)", rule: "cannot be read; does it exist?")
        }
        return try parse(Array(data), file: path)
    }

    /// Checks seed JSON; `file` only names the source in errors.
    public static func parse(_ bytes: [UInt8], file: String) throws(SeedError) -> IdentityDirectory {
        var reader = SeedReader(file: file)
        return try reader.read(bytes)
    }
}

private struct SeedReader {
    let file: String

    func fail(_ entry: String, _ rule: String) -> SeedError {
        SeedError(file: file, entry: entry, rule: rule)
    }

    mutating func read(_ bytes: [UInt8]) throws(SeedError) -> IdentityDirectory {
        let document: JSONValue
        do { document = try JSONValue.parse(bytes) } catch { throw fail("(file)", "is not valid JSON: \(error.reason)") }
        let top = try object(document, at: "(top level)", allowed: ["orgs", "users", "servers"])
        _ = try optionalString(top["servers"], at: "servers")
        guard case let .array(orgEntries)? = top["orgs"], !orgEntries.isEmpty else {
            throw fail("orgs", "must be a non-empty array of orgs")
        }
        guard case let .array(userEntries)? = top["users"] else { throw fail("users", "must be an array of users") }

        var orgs: [Org] = []
        for (index, entry) in orgEntries.enumerated() {
            let org = try readOrg(entry, at: "orgs[\(index)]")
            guard !orgs.contains(where: { $0.name == org.name }) else {
                throw fail("orgs[\(index)] (\(org.name))", "duplicate org name")
            }
            orgs.append(org)
        }
        let primaries = orgs.filter(\.isPrimary)
        guard primaries.count == 1 else {
            throw fail("orgs", "exactly one org must have \"is_primary\": true (found \(primaries.count))")
        }

        var users: [User] = []
        var tokens: [IdentityDirectory.Token] = []
        var refreshTokens: [IdentityDirectory.Token] = []
        for (index, entry) in userEntries.enumerated() {
            let (user, userTokens, userRefreshTokens) = try readUser(entry, at: "users[\(index)]", orgs: orgs, primary: primaries[0])
            let label = "users[\(index)] (\(user.username))"
            guard !users.contains(where: { $0.username == user.username }) else { throw fail(label, "duplicate username") }
            guard !orgs.contains(where: { $0.name == user.username }) else {
                throw fail(label, "a username may not equal an org name (owner paths would be ambiguous)")
            }
            let known = tokens + refreshTokens
            for token in userTokens + userRefreshTokens where known.contains(where: { $0.secret == token.secret }) {
                throw fail("\(label).tokens", "duplicate token (each token and refresh token must belong to one user once)")
            }
            users.append(user)
            tokens += userTokens
            refreshTokens += userRefreshTokens
        }
        return IdentityDirectory(orgs: orgs, users: users, tokens: tokens, refreshTokens: refreshTokens)
    }

    func readOrg(_ value: JSONValue, at entry: String) throws(SeedError) -> Org {
        let fields = try object(value, at: entry, allowed: ["name", "is_primary", "email", "description", "created_at"])
        let name = try ownerName(fields["name"], at: entry)
        let label = "\(entry) (\(name))"
        let isPrimary: Bool
        switch fields["is_primary"] {
        case nil: isPrimary = false
        case let .bool(flag)?: isPrimary = flag
        case let other?: throw fail("\(label).is_primary", "must be a boolean, not \(other.kindName)")
        }
        return Org(
            id: StableID.make(kind: "org", name: name),
            name: name,
            isPrimary: isPrimary,
            createdAt: try optionalString(fields["created_at"], at: "\(label).created_at") ?? Seed.defaultCreatedAt,
            email: try optionalString(fields["email"], at: "\(label).email") ?? "admin@\(name).test",
            description: try optionalString(fields["description"], at: "\(label).description") ?? ""
        )
    }

    func readUser(
        _ value: JSONValue, at entry: String, orgs: [Org], primary: Org
    ) throws(SeedError) -> (User, [IdentityDirectory.Token], refreshTokens: [IdentityDirectory.Token]) {
        let fields = try object(value, at: entry, allowed: ["username", "email", "full_name", "memberships", "default_org", "tokens", "created_at"])
        let username = try ownerName(fields["username"], at: entry, key: "username")
        let label = "\(entry) (\(username))"

        guard case let .object(membershipEntries)? = fields["memberships"], !membershipEntries.isEmpty else {
            throw fail("\(label).memberships", "must be a non-empty object of org name to \"admin\" or \"member\"")
        }
        var memberships: [String: OrgRole] = [:]
        for (orgName, roleValue) in membershipEntries.sorted(by: { $0.key < $1.key }) {
            guard orgs.contains(where: { $0.name == orgName }) else {
                throw fail("\(label).memberships", "names unknown org '\(orgName)'")
            }
            guard case let .string(roleName) = roleValue, let role = OrgRole(rawValue: roleName) else {
                throw fail("\(label).memberships.\(orgName)", "role must be \"admin\" or \"member\"")
            }
            memberships[orgName] = role
        }

        let defaultOrg: String
        if let preferred = try optionalString(fields["default_org"], at: "\(label).default_org") {
            guard memberships[preferred] != nil else {
                throw fail("\(label).default_org", "'\(preferred)' is not one of the user's memberships")
            }
            defaultOrg = preferred
        } else if memberships[primary.name] != nil {
            defaultOrg = primary.name
        } else {
            throw fail("\(label).default_org", "is required when the user is not a member of the primary org '\(primary.name)'")
        }

        var tokens: [IdentityDirectory.Token] = []
        var refreshTokens: [IdentityDirectory.Token] = []
        switch fields["tokens"] {
        case nil: break
        case let .array(tokenEntries)?:
            for (index, tokenValue) in tokenEntries.enumerated() {
                let (token, refresh) = try readToken(tokenValue, at: "\(label).tokens[\(index)]", username: username)
                tokens.append(token)
                refreshTokens += refresh.map { [$0] } ?? []
            }
        case let other?:
            throw fail("\(label).tokens", "must be an array, not \(other.kindName)")
        }

        let user = User(
            id: StableID.make(kind: "user", name: username),
            username: username,
            email: try optionalString(fields["email"], at: "\(label).email") ?? "\(username)@\(defaultOrg).test",
            fullName: try optionalString(fields["full_name"], at: "\(label).full_name") ?? username,
            memberships: memberships,
            defaultOrg: defaultOrg,
            createdAt: try optionalString(fields["created_at"], at: "\(label).created_at") ?? Seed.defaultCreatedAt
        )
        return (user, tokens, refreshTokens)
    }

    /// A token entry: the access token, and the refresh token that may come with it.
    func readToken(_ value: JSONValue, at entry: String, username: String) throws(SeedError) -> (IdentityDirectory.Token, IdentityDirectory.Token?) {
        let fields = try object(value, at: entry, allowed: ["token", "expires_at", "refresh_token"])
        let secret = try secretText(fields["token"], at: "\(entry).token")
        let refresh = try fields["refresh_token"].map { value throws(SeedError) in try secretText(value, at: "\(entry).refresh_token") }
        var expiresAt: Date?
        if let text = try optionalString(fields["expires_at"], at: "\(entry).expires_at") {
            guard let date = UTCTimestamp.parse(text) else {
                throw fail("\(entry).expires_at", "must be \(UTCTimestamp.expectation), not '\(text)'")
            }
            expiresAt = date
        }
        return (
            IdentityDirectory.Token(secret: Array(secret.utf8), username: username, expiresAt: expiresAt),
            refresh.map { IdentityDirectory.Token(secret: Array($0.utf8), username: username, expiresAt: nil) }
        )
    }

    func secretText(_ value: JSONValue?, at entry: String) throws(SeedError) -> String {
        guard case let .string(secret)? = value, !secret.isEmpty, !secret.contains(where: { $0.isWhitespace }) else {
            throw fail(entry, "must be a non-empty string without spaces")
        }
        return secret
    }

    func object(_ value: JSONValue, at entry: String, allowed: Set<String>) throws(SeedError) -> [String: JSONValue] {
        guard case let .object(fields) = value else { throw fail(entry, "must be an object, not \(value.kindName)") }
        if let unknown = fields.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw fail(entry, "unknown field '\(unknown)' (allowed: \(allowed.sorted().joined(separator: ", ")))")
        }
        return fields
    }

    func ownerName(_ value: JSONValue?, at entry: String, key: String = "name") throws(SeedError) -> String {
        guard case let .string(name)? = value else { throw fail("\(entry).\(key)", "is required and must be a string") }
        guard OwnerName.isValid(name) else {
            throw fail("\(entry).\(key)", "'\(name)' breaks the owner-name rule: \(OwnerName.rule)")
        }
        return name
    }

    func optionalString(_ value: JSONValue?, at entry: String) throws(SeedError) -> String? {
        switch value {
        case nil: return nil
        case let .string(text)?: return text
        case let other?: throw fail(entry, "must be a string, not \(other.kindName)")
        }
    }
}
