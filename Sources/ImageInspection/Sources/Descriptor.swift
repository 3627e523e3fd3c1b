import SaturnJSON

/// A content descriptor of a manifest or an index: what a blob is, its digest, and the platform of an index entry.
struct Descriptor: Sendable, Equatable {
    var mediaType: String
    var digest: String
    /// `linux/amd64` for an index entry that says; nil otherwise.
    var platform: String?
    /// The tag an OCI layout's `index.json` gives it (`org.opencontainers.image.ref.name`).
    var tag: String?

    /// The descriptor a manifest's JSON object holds; nil when it has no digest.
    init?(_ value: JSONValue) {
        guard case let .object(members) = value, case let .string(digest)? = members["digest"] else { return nil }
        self.digest = digest
        if case let .string(type)? = members["mediaType"] { mediaType = type } else { mediaType = "" }
        if case let .object(platform)? = members["platform"], case let .string(os)? = platform["os"],
           case let .string(architecture)? = platform["architecture"] {
            var name = "\(os)/\(architecture)"
            if case let .string(variant)? = platform["variant"] { name += "/\(variant)" }
            self.platform = name
        } else {
            platform = nil
        }
        if case let .object(annotations)? = members["annotations"], case let .string(tag)? = annotations["org.opencontainers.image.ref.name"] {
            self.tag = tag
        }
    }

    init(mediaType: String, digest: String) {
        self.mediaType = mediaType
        self.digest = digest
        platform = nil
    }

    /// The entry of an OCI layout's `index.json` tagged `tag`, or its only entry when no tag is given.
    static func select(fromLayoutIndex bytes: [UInt8], tag: String?, what: String) throws(InspectionError) -> Descriptor {
        guard case let .object(members)? = try? JSONValue.parse(bytes), case let .array(entries)? = members["manifests"] else {
            throw .unreadable("\(what) has no index.json listing its manifests: not an OCI layout")
        }
        let descriptors = entries.compactMap(Descriptor.init)
        let tags = descriptors.compactMap(\.tag)
        if let tag {
            guard let chosen = descriptors.first(where: { $0.tag == tag }) else {
                throw .unreadable("\(what) has no image tagged '\(tag)' (tags: \(tags.isEmpty ? "none" : tags.joined(separator: ", ")))")
            }
            return chosen
        }
        guard descriptors.count == 1, let only = descriptors.first else {
            throw .unreadable("\(what) holds \(descriptors.count) images: name one with :TAG (tags: \(tags.isEmpty ? "none" : tags.joined(separator: ", ")))")
        }
        return only
    }
}
