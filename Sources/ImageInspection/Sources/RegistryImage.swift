import Dispatch
import Glibc
import Synchronization

/// An image in a registry: its manifest (an index resolved to `linux/amd64`), its configuration, and layers streamed
/// from the registry straight into libarchive through a socket pair, never held whole.
enum RegistryImage {
    /// The image `name` names, located through `client`.
    static func locate(_ name: ImageName, client: RegistryClient) throws(InspectionError) -> LocatedImage {
        let top = try client.manifest(name)
        let manifest = try ImageManifest.resolve(top.bytes, digest: top.digest, what: name.description) { digest throws(InspectionError) in
            try client.manifest(name, reference: digest).bytes
        }
        let layers = manifest.layers.map(\.digest)
        return LocatedImage(
            what: name.description, digest: top.digest, platform: manifest.platform,
            configuration: { () throws(InspectionError) in
                try ImageConfiguration(try client.blob(name, digest: manifest.config.digest), what: name.description)
            },
            layers: layers, layersByDigest: true
        ) { indexes, scan throws(InspectionError) in
            for index in indexes {
                try stream(name, digest: layers[index], client: client) { reader throws(InspectionError) in try scan(index, reader) }
            }
        }
    }

    /// Streams one blob from the registry into a reader on the other end of a socket pair.
    private static func stream(
        _ name: ImageName, digest: String, client: RegistryClient, read: (ArchiveReader) throws(InspectionError) -> Void
    ) throws(InspectionError) {
        var ends: [Int32] = [0, 0]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &ends) == 0 else {
            throw .unreadable("cannot make a socket pair to stream layer \(digest): \(String(cString: strerror(errno)))")
        }
        let (readEnd, writeEnd) = (ends[0], ends[1])
        let failure = Mutex<InspectionError?>(nil)
        let finished = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            do throws(InspectionError) {
                try client.stream(name, digest: digest) { chunk in sendAll(chunk, to: writeEnd) }
            } catch {
                failure.withLock { $0 = error }
            }
            close(writeEnd)
            finished.signal()
        }
        var readFailure: InspectionError?
        do throws(InspectionError) {
            try read(try ArchiveReader(fileDescriptor: readEnd, what: "layer \(digest) of \(name)"))
        } catch {
            readFailure = error
        }
        // Closing the reading end stops the transfer of a layer read only in part.
        close(readEnd)
        finished.wait()
        // A transfer that failed explains a read that failed (a layer cut short); the read alone decides otherwise.
        if let readFailure { throw failure.withLock { $0 } ?? readFailure }
    }

    /// Writes every byte of `chunk`; false once the reader has gone.
    private static func sendAll(_ chunk: UnsafeRawBufferPointer, to socket: Int32) -> Bool {
        var offset = 0
        while offset < chunk.count {
            let sent = send(socket, chunk.baseAddress! + offset, chunk.count - offset, Int32(MSG_NOSIGNAL))
            if sent < 0, errno == EINTR { continue }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }
}
