import FoundationEssentials
import SaturnDomain
import SaturnJSON

/// How entities are written in the journal, the snapshot and named snapshots: `{"family", "id", ...}`, the rest by
/// family; an org or user the API deleted from the seed is `{"family", "id", "deleted": true}`.
extension Entity {
    func writeStored(to output: inout JSONOutput) {
        output.object { json in
            json.key("family")
            json.string(key.family.rawValue)
            json.key("id")
            json.string(key.id)
            switch self {
            case let .org(_, org):
                guard let org else { return Self.writeDeleted(to: &json) }
                org.writeStoredMembers(to: &json)
            case let .user(_, user):
                guard let user else { return Self.writeDeleted(to: &json) }
                user.writeStoredMembers(to: &json)
            case let .sharedFolder(folder): folder.writeStoredMembers(to: &json)
            case let .usageLimit(limit): limit.writeStoredMembers(to: &json)
            case let .resourceTemplate(template): template.writeStoredMembers(to: &json)
            case let .invitation(invitation): invitation.writeStoredMembers(to: &json)
            case let .serviceAccount(account): account.writeStoredMembers(to: &json)
            case let .objectFile(file): file.writeStoredMembers(to: &json)
            case let .objectUpload(upload): upload.writeStoredMembers(to: &json)
            case let .secret(secret): secret.writeStoredMembers(to: &json)
            case let .externalRepo(repo): repo.writeStoredMembers(to: &json)
            }
        }
    }

    private static func writeDeleted(to json: inout JSONOutput) {
        json.key("deleted")
        json.bool(true)
    }

    static func readStored(from parser: inout JSONParser) throws(JSONSyntaxError) -> Entity {
        let stored = try StoredObject(&parser, what: "a stored entity")
        let id = try stored.string("id")
        let deleted = stored.members["deleted"] == .bool(true)
        switch try stored.choice("family", as: EntityFamily.self) {
        case .org: return .org(id: id, deleted ? nil : try Org.readStored(stored, id: id))
        case .user: return .user(id: id, deleted ? nil : try User.readStored(stored, id: id))
        case .sharedFolder: return .sharedFolder(try SharedFolder.readStored(stored, id: id))
        case .usageLimit: return .usageLimit(try UsageLimit.readStored(stored, id: id))
        case .resourceTemplate: return .resourceTemplate(try ResourceTemplate.readStored(stored, id: id))
        case .invitation: return .invitation(try Invitation.readStored(stored, id: id))
        case .serviceAccount: return .serviceAccount(try ServiceAccount.readStored(stored, id: id))
        case .objectFile: return .objectFile(try ObjectFile.readStored(stored))
        case .objectUpload: return .objectUpload(try ObjectUpload.readStored(stored, id: id))
        case .secret: return .secret(try Secret.readStored(stored, id: id))
        case .externalRepo: return .externalRepo(try ExternalRepo.readStored(stored, id: id))
        }
    }
}

extension EntityKey {
    func writeStored(to output: inout JSONOutput) {
        output.object { json in
            json.key("family")
            json.string(family.rawValue)
            json.key("id")
            json.string(id)
        }
    }

    static func readStored(from parser: inout JSONParser) throws(JSONSyntaxError) -> EntityKey {
        let stored = try StoredObject(&parser, what: "a removed entity")
        return EntityKey(try stored.choice("family", as: EntityFamily.self), try stored.string("id"))
    }
}

extension Org {
    func writeStoredMembers(to json: inout JSONOutput) {
        json.key("name")
        json.string(name)
        json.key("is_primary")
        json.bool(isPrimary)
        json.key("created_at")
        json.string(createdAt)
        json.key("email")
        json.string(email)
        json.key("description")
        json.string(description)
        json.key("website_url")
        json.string(websiteURL)
        json.key("logo_image_url")
        json.string(logoImageURL)
        json.key("limits_id")
        json.string(limitsID)
        json.key("locked")
        json.bool(locked)
    }

    static func readStored(_ stored: StoredObject, id: String) throws(JSONSyntaxError) -> Org {
        Org(id: id, name: try stored.string("name"), isPrimary: try stored.bool("is_primary"), createdAt: try stored.string("created_at"),
            email: try stored.string("email"), description: try stored.string("description"), websiteURL: try stored.optionalString("website_url"),
            logoImageURL: try stored.string("logo_image_url"), limitsID: try stored.optionalString("limits_id"), locked: try stored.bool("locked"))
    }
}

extension User {
    func writeStoredMembers(to json: inout JSONOutput) {
        json.key("username")
        json.string(username)
        json.key("email")
        json.string(email)
        json.key("full_name")
        json.string(fullName)
        json.key("memberships")
        json.object(sorted: memberships) { json, role in json.string(role.rawValue) }
        json.key("default_org")
        json.string(defaultOrg)
        json.key("created_at")
        json.string(createdAt)
        json.key("locked")
        json.bool(locked)
        json.key("limits_id")
        json.string(limitsID)
    }

    static func readStored(_ stored: StoredObject, id: String) throws(JSONSyntaxError) -> User {
        var memberships: [String: OrgRole] = [:]
        for (org, role) in try stored.object("memberships").members {
            guard case let .string(text) = role, let parsed = OrgRole(rawValue: text) else { throw stored.parser.failure("a stored user's role in \(org) is not admin or member") }
            memberships[org] = parsed
        }
        return User(id: id, username: try stored.string("username"), email: try stored.string("email"), fullName: try stored.string("full_name"),
                    memberships: memberships, defaultOrg: try stored.string("default_org"), createdAt: try stored.string("created_at"),
                    locked: try stored.bool("locked"), limitsID: try stored.optionalString("limits_id"))
    }
}

extension SharedFolder {
    func writeStoredMembers(to json: inout JSONOutput) {
        writeStoredSharing(to: &json)
        json.key("access_mode")
        json.string(accessMode.rawValue)
        json.key("is_external")
        json.bool(isExternal)
    }

    static func readStored(_ stored: StoredObject, id: String) throws(JSONSyntaxError) -> SharedFolder {
        SharedFolder(id: id, name: try stored.string("name"), owner: try stored.owner("owner"), createdAt: try stored.time("created_at"),
                     access: try stored.choice("access", as: AccessLevel.self),
                     accessMode: try stored.choice("access_mode", as: SharedFolderAccessMode.self), isExternal: try stored.bool("is_external"))
    }
}

extension UsageLimit {
    func writeStoredMembers(to json: inout JSONOutput) {
        json.key("org_id")
        json.string(orgID)
        json.key("name")
        json.string(name)
        json.key("is_default")
        json.bool(isDefault)
        json.key("created_at")
        json.string(UTCTimestamp.format(createdAt))
        json.key("instance_sizes")
        if let instanceSizes { json.array(instanceSizes) { json, size in json.string(size) } } else { json.null() }
        json.key("resource_types")
        if let resourceTypes { json.array(resourceTypes) { json, type in json.string(type) } } else { json.null() }
        json.key("amounts")
        json.object(sorted: amounts) { json, amount in json.integer(amount) }
    }

    static func readStored(_ stored: StoredObject, id: String) throws(JSONSyntaxError) -> UsageLimit {
        var amounts: [String: Int] = [:]
        let storedAmounts = try stored.object("amounts")
        for name in storedAmounts.members.keys { amounts[name] = try storedAmounts.integer(name) }
        return UsageLimit(
            id: id, orgID: try stored.string("org_id"), name: try stored.string("name"), isDefault: try stored.bool("is_default"),
            createdAt: try stored.time("created_at"), instanceSizes: try stored.strings("instance_sizes"),
            resourceTypes: try stored.strings("resource_types"), amounts: amounts
        )
    }
}

extension ResourceTemplate {
    func writeStoredMembers(to json: inout JSONOutput) {
        json.key("name")
        json.string(name)
        json.key("description")
        json.string(description)
        json.key("owner")
        json.string(owner.description)
        json.key("access")
        json.string(access.rawValue)
        json.key("recipe")
        json.value(recipe)
        json.key("thumbnail_image_url")
        json.string(thumbnailImageURL)
        json.key("weight")
        json.integer(weight)
        json.key("in_gallery")
        json.bool(inGallery)
        json.key("created_at")
        json.string(UTCTimestamp.format(createdAt))
    }

    static func readStored(_ stored: StoredObject, id: String) throws(JSONSyntaxError) -> ResourceTemplate {
        guard let recipe = stored.members["recipe"] else { throw stored.parser.failure("a stored resource template lacks its recipe") }
        return ResourceTemplate(
            id: id, name: try stored.string("name"), description: try stored.string("description"), owner: try stored.owner("owner"),
            access: try stored.choice("access", as: RecipeAccess.self), recipe: recipe, thumbnailImageURL: try stored.string("thumbnail_image_url"),
            weight: try stored.integer("weight"), inGallery: try stored.bool("in_gallery"), createdAt: try stored.time("created_at")
        )
    }
}

extension Invitation {
    func writeStoredMembers(to json: inout JSONOutput) {
        json.key("org_id")
        json.string(orgID)
        json.key("email")
        json.string(email)
        json.key("invitee_name")
        json.string(inviteeName)
        json.key("invitor_name")
        json.string(invitorName)
        json.key("invitor_id")
        json.string(invitorID)
        json.key("created_at")
        json.string(UTCTimestamp.format(createdAt))
        json.key("send_email")
        json.bool(sendEmail)
    }

    static func readStored(_ stored: StoredObject, id: String) throws(JSONSyntaxError) -> Invitation {
        Invitation(
            id: id, orgID: try stored.string("org_id"), email: try stored.string("email"), inviteeName: try stored.optionalString("invitee_name"),
            invitorName: try stored.optionalString("invitor_name"), invitorID: try stored.string("invitor_id"), createdAt: try stored.time("created_at"),
            sendEmail: try stored.bool("send_email")
        )
    }
}

extension ServiceAccount {
    func writeStoredMembers(to json: inout JSONOutput) {
        json.key("name")
        json.string(name)
        json.key("cloud_role")
        json.string(cloudRole)
        json.key("auto_associate")
        json.bool(autoAssociate)
        json.key("created_at")
        json.string(UTCTimestamp.format(createdAt))
        json.key("associations")
        json.array(associations) { json, association in json.string(association) }
    }

    static func readStored(_ stored: StoredObject, id: String) throws(JSONSyntaxError) -> ServiceAccount {
        ServiceAccount(
            id: id, name: try stored.string("name"), cloudRole: try stored.optionalString("cloud_role"), autoAssociate: try stored.bool("auto_associate"),
            createdAt: try stored.time("created_at"), associations: try stored.strings("associations") ?? []
        )
    }
}
