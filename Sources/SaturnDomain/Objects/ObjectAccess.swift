/// Who reads and writes which object storage (README "Object storage"). A user's storage (`org/username`) is its
/// own: nobody else lists, reads or writes it. The org's own storage (`org/org`) is shared: every member of the org
/// lists and reads it, and its admins write it.
enum ObjectAccess {
    /// Refuses `caller` reading (or, `writing`, changing) the storage of `owner`.
    static func check(_ owner: OwnerPath, caller: User, writing: Bool) throws(DomainError) {
        guard let role = caller.role(in: owner.org) else { throw .notOrgMember(username: caller.username, org: owner.org) }
        if owner.identity == caller.username { return }
        if isShared(owner), !writing || role == .admin { return }
        throw .objectStorageForbidden(username: caller.username, owner: owner.description, writing: writing)
    }

    /// Whether the storage is the org's own, shared with its members.
    static func isShared(_ owner: OwnerPath) -> Bool { owner.identity == owner.org }
}
