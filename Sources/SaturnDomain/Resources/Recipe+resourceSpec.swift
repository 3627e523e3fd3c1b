extension Recipe {
    /// The recipe holding a resource spec.
    func with(_ spec: ResourceSpec) -> Recipe {
        var changed = self
        changed.spec = .resource(spec)
        return changed
    }
}
