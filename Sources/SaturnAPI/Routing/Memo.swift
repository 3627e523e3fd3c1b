import Synchronization

/// Something a request worked out once (who it authenticated as, its body as JSON), kept for the request journal.
final class Memo<Value: Sendable>: Sendable {
    private let known = Mutex<Value?>(nil)

    var value: Value? {
        get { known.withLock { $0 } }
        set { known.withLock { $0 = newValue } }
    }
}
