/// An upload as started or resumed: the upload, and the parts to make presigned URLs for.
public struct StartedUpload: Sendable {
    public let upload: ObjectUpload
    public let slots: [PartSlot]
}
