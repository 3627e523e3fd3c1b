import MicroHTTP
import SaturnDomain

/// The version of Saturn's API the mock answers as.
enum SaturnAPIVersion {
    static let current = "2026.02.01"
}
