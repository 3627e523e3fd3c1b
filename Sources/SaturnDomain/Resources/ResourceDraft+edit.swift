extension ResourceDraft {
    /// The draft of a REST create (`POST /api/{type}s`): its name and owner, and the fields a PATCH reads, of which
    /// the image, the size and (for a job or deployment) the command are required.
    public init(_ kind: ResourceKind, named name: String, owner: OwnerReference?, _ edit: ResourceEdit) throws(DomainError) {
        var issues = ValidationIssues()
        if edit.image == nil { issues.add("image_uri", "is required: give image_uri or image_tag_id, an image version you can see (GET /api/images)") }
        if edit.instanceType == nil { issues.add("instance_size", "is required: one of the sizes GET /api/info/servers lists") }
        if kind != .workspace, edit.command == nil { issues.add("command", "is required: what the \(kind.rawValue) runs") }
        guard issues.isEmpty, let image = edit.image, let instanceType = edit.instanceType else { throw .invalid(issues) }
        self.init(
            path: "", kind: kind, name: name, owner: owner, image: image, instanceType: instanceType, command: edit.command,
            schedule: edit.schedule, settings: edit.settings, desiredStatus: nil
        )
        imagePath = ResourceEdit.imagePath(of: image)
        instanceTypePath = "instance_size"
        gitRepositories = edit.gitRepositories
    }
}
