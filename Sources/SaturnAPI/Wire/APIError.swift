import FoundationEssentials
import SaturnDomain

/// Failures that belong to the HTTP surface rather than the domain.
enum APIError: Error {
    /// An answer was built with a header that cannot go out; a bug of the mock's, made visible.
    case unsendableHeader(name: String, status: Int)
    /// No credentials were given, or in a form the mock does not read.
    case missingCredentials(reason: String)
    /// A `/t/NAME` prefix names no tenant.
    case unknownTenant(String)
    /// The server runs with `--control-token` and the request did not give it.
    case controlTokenRequired
    /// No fault rule has this id.
    case faultNotFound(String)
    /// The tenant holds as many fault rules as it may.
    case faultLimit(Int)
    /// The body is not JSON.
    case malformedJSON(reason: String)
    /// No route has this path.
    case noRoute(method: String, path: String)
    /// An operation of Saturn's spec that the mock does not serve.
    case notMocked(method: String, template: String)
    /// The path exists, the method does not.
    case methodNotAllowed(method: String, path: String, allowed: [String])
    /// The body passed its limit, which `flag` sets.
    case payloadTooLarge(limit: Int, flag: String)
    /// The server stopped while the request still waited for its answer.
    case stopping
    /// The server runs without `--registry`: no image is pulled or checked.
    case imageChecksOff
    /// No image with this URI was checked yet.
    case imageCheckNotFound(String)
    /// A presigned URL of object storage that the mock did not sign as it is.
    case presignedURLInvalid(reason: String)
    /// A presigned URL of object storage past its expiry, by the tenant's clock.
    case presignedURLExpired(expires: Date)
    /// A `Range` header that starts past the end of the file.
    case rangeNotSatisfiable(size: Int)
}
