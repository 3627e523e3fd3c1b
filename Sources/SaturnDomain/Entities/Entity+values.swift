/// The value an entity holds, by family, for the views that read one family.
extension Entity {
    /// The shared folder, if it is one.
    var sharedFolder: SharedFolder? {
        if case let .sharedFolder(folder) = self { return folder }
        return nil
    }

    /// The secret, if it is one.
    var secret: Secret? {
        if case let .secret(secret) = self { return secret }
        return nil
    }

    /// The external repository, if it is one.
    var externalRepo: ExternalRepo? {
        if case let .externalRepo(repo) = self { return repo }
        return nil
    }
}
