/// What `POST /api/shared_folders` (Saturn's `SharedFolderCreate`) gives, after validation.
public struct SharedFolderDraft: Sendable {
    public var name: String
    /// `org/identity`; the caller in its default org when nil.
    public var owner: OwnerReference?
    public var access: AccessLevel
    public var accessMode: SharedFolderAccessMode
    public var isExternal: Bool

    /// A draft with Saturn's defaults: owner-only, read-write, not external.
    public init(name: String, owner: OwnerReference? = nil, access: AccessLevel = .owner, accessMode: SharedFolderAccessMode = .readWriteMany, isExternal: Bool = false) {
        self.name = name
        self.owner = owner
        self.access = access
        self.accessMode = accessMode
        self.isExternal = isExternal
    }
}
