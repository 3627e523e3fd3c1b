import SaturnDomain

/// `ApiStatus`.
struct WireStatus: Encodable {
    let status = "ok"
    let version = SaturnAPIVersion.current
}

/// `UserDetailed`.
struct WireUser: Encodable {
    let id: String
    let avatarURL: String
    let username: String
    let createdAt: String
    let fullName: String
    let email: String
    let admin: Bool
    let locked = false
    let lockedReason = ""
    let isMultipleSSHKeys = false
    let active = true

    enum CodingKeys: String, CodingKey {
        case id, username, email, admin, locked, active
        case avatarURL = "avatar_url"
        case createdAt = "created_at"
        case fullName = "full_name"
        case lockedReason = "locked_reason"
        case isMultipleSSHKeys = "is_multiple_ssh_keys"
    }

    init(_ user: User) {
        id = user.id
        avatarURL = ""
        username = user.username
        createdAt = user.createdAt
        fullName = user.fullName
        email = user.email
        admin = user.role(in: user.defaultOrg) == .admin
    }
}

/// `Org`, with `is_primary` set on the caller's default org.
struct WireOrg: Encodable {
    let id: String
    let createdAt: String
    let avatarURL = ""
    let name: String
    let email: String
    let description: String
    let websiteURL: String? = nil
    let logoImageURL = ""
    let limitsID: String? = nil
    let isPrimary: Bool
    let locked = false
    let lockedReason = ""

    enum CodingKeys: String, CodingKey {
        case id, name, email, description, locked
        case createdAt = "created_at"
        case avatarURL = "avatar_url"
        case websiteURL = "website_url"
        case logoImageURL = "logo_image_url"
        case limitsID = "limits_id"
        case isPrimary = "is_primary"
        case lockedReason = "locked_reason"
    }

    init(_ org: Org, isDefault: Bool) {
        id = org.id
        createdAt = org.createdAt
        name = org.name
        email = org.email
        description = org.description
        isPrimary = isDefault
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(avatarURL, forKey: .avatarURL)
        try container.encode(name, forKey: .name)
        try container.encode(email, forKey: .email)
        try container.encode(description, forKey: .description)
        // Required by the spec although nullable: present as null.
        try container.encode(websiteURL, forKey: .websiteURL)
        try container.encode(logoImageURL, forKey: .logoImageURL)
        try container.encode(limitsID, forKey: .limitsID)
        try container.encode(isPrimary, forKey: .isPrimary)
        try container.encode(locked, forKey: .locked)
        try container.encode(lockedReason, forKey: .lockedReason)
    }
}

/// Every non-2xx body (CONTRACT §3).
struct WireError: Encodable {
    let message: String
    let errorCode: String
    let errors: [String: [String]]?

    enum CodingKeys: String, CodingKey {
        case message, errors
        case errorCode = "error_code"
    }
}
