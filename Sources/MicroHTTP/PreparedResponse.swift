import CMicroHTTPD
import Synchronization

/// libmicrohttpd's response object for an answer sent many times, made on first use and freed with the answer.
/// libmicrohttpd counts its references, so connections still sending it keep it alive.
public final class PreparedResponse: Sendable {
    private struct Handle: @unchecked Sendable {
        let pointer: OpaquePointer
    }

    private let made = Mutex<Handle?>(nil)

    init() {}

    /// The response object, made by `make` the first time; nil when it cannot be made.
    func object(make: () -> OpaquePointer?) -> OpaquePointer? {
        made.withLock { made in
            if made == nil, let pointer = make() { made = Handle(pointer: pointer) }
            return made?.pointer
        }
    }

    deinit {
        if let handle = made.withLock({ $0 }) { MHD_destroy_response(handle.pointer) }
    }
}
