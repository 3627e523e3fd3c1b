import FoundationEssentials

/// A shared folder (`/api/shared_folders`): storage mounted into the resources that name it in `shared_folders`.
public struct SharedFolder: Shareable, Equatable {
    public let id: String
    public var name: String
    public let owner: OwnerPath
    public let createdAt: Date
    /// Who besides its owner and the org's admins sees it: `org` or `owner`.
    public var access: AccessLevel
    public var accessMode: SharedFolderAccessMode
    public var isExternal: Bool

    /// Creates a folder.
    public init(id: String, name: String, owner: OwnerPath, createdAt: Date, access: AccessLevel, accessMode: SharedFolderAccessMode, isExternal: Bool) {
        self.id = id
        self.name = name
        self.owner = owner
        self.createdAt = createdAt
        self.access = access
        self.accessMode = accessMode
        self.isExternal = isExternal
    }

    public static let family = EntityFamily.sharedFolder

    public static func held(in entity: Entity) -> SharedFolder? {
        if case let .sharedFolder(folder) = entity { return folder }
        return nil
    }

    public var entity: Entity { .sharedFolder(self) }
}
