/// The kinds of thing a tenant keeps by id beside its recipes (README "Orgs, users, folders and limits"), each named
/// as the store writes it.
public enum EntityFamily: String, Sendable, CaseIterable, Comparable {
    /// An org made or changed over the API, or a tombstone for one of the seed's that was deleted.
    case org
    /// A user made or changed over the API (memberships, default org), or a tombstone.
    case user
    case sharedFolder = "shared_folder"
    case usageLimit = "usage_limit"
    case resourceTemplate = "resource_template"
    case invitation
    case serviceAccount = "service_account"
    case objectFile = "object_file"
    case objectUpload = "object_upload"
    case secret
    case externalRepo = "external_repo"

    public static func < (lhs: EntityFamily, rhs: EntityFamily) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
