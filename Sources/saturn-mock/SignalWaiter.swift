import Dispatch
import Foundation

/// The signals the server handles itself.
enum SignalWaiter {
    /// A closed client socket or a file-size limit must fail that one write (an error, a 503), not kill the server.
    static func ignoreWriteSignals() {
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
    }

    /// Blocks until SIGINT or SIGTERM arrives.
    static func waitForTermination() {
        let received = DispatchSemaphore(value: 0)
        let sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { received.signal() }
            source.resume()
            return source
        }
        received.wait()
        sources.forEach { $0.cancel() }
    }
}
