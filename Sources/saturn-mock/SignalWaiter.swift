import FoundationEssentials
import Glibc

/// The signals the server handles itself.
enum SignalWaiter {
    /// A closed client socket or a file-size limit must fail that one write (an error, a 503), not kill the server.
    static func ignoreWriteSignals() {
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
    }

    /// Blocks SIGINT and SIGTERM in this thread and every thread started after it, so that a signal that comes
    /// early (even during start-up) waits for `waitForTermination` instead of being lost or killing the process.
    static func holdTerminationSignals() {
        var signals = terminationSignals
        pthread_sigmask(SIG_BLOCK, &signals, nil)
    }

    /// Returns once SIGINT or SIGTERM is pending.
    static func waitForTermination() {
        var signals = terminationSignals
        var received: Int32 = 0
        sigwait(&signals, &received)
    }

    private static var terminationSignals: sigset_t {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        return signals
    }
}
