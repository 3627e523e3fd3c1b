/// One thing a tenant keeps by id beside its recipes: an org or a user as the API made or changed them, a shared
/// folder, a usage limit, a resource template, an invitation, a service account, a secret, an external repository.
/// Every family is stored, journaled, snapshotted, reset and undone the same way (`EntityStore`,
/// `TenantWrite.entities`); a new family is a new case here.
public enum Entity: Sendable, Equatable {
    /// An org; nil for one of the seed's that was deleted.
    case org(id: String, Org?)
    /// A user; nil for one of the seed's that was deleted.
    case user(id: String, User?)
    case sharedFolder(SharedFolder)
    case usageLimit(UsageLimit)
    case resourceTemplate(ResourceTemplate)
    case invitation(Invitation)
    case serviceAccount(ServiceAccount)
    /// A file of object storage (its bytes are a blob of the store's).
    case objectFile(ObjectFile)
    /// A multipart upload of object storage in progress.
    case objectUpload(ObjectUpload)
    case secret(Secret)
    case externalRepo(ExternalRepo)

    /// Its family and id.
    public var key: EntityKey {
        switch self {
        case let .org(id, _): return EntityKey(.org, id)
        case let .user(id, _): return EntityKey(.user, id)
        case let .sharedFolder(folder): return EntityKey(.sharedFolder, folder.id)
        case let .usageLimit(limit): return EntityKey(.usageLimit, limit.id)
        case let .resourceTemplate(template): return EntityKey(.resourceTemplate, template.id)
        case let .invitation(invitation): return EntityKey(.invitation, invitation.id)
        case let .serviceAccount(account): return EntityKey(.serviceAccount, account.id)
        case let .objectFile(file): return EntityKey(.objectFile, file.id)
        case let .objectUpload(upload): return EntityKey(.objectUpload, upload.id)
        case let .secret(secret): return EntityKey(.secret, secret.id)
        case let .externalRepo(repo): return EntityKey(.externalRepo, repo.id)
        }
    }
}
