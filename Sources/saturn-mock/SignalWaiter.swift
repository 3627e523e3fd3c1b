import Dispatch
import Foundation

/// Blocks until SIGINT or SIGTERM arrives.
enum SignalWaiter {
    static func waitForTermination() {
        let received = DispatchSemaphore(value: 0)
        signal(SIGPIPE, SIG_IGN)
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
