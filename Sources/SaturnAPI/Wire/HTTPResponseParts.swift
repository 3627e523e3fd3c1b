import SaturnDomain

/// A status, extra headers and the error body to render.
struct HTTPResponseParts {
    var status: Int
    var headers: [(name: String, value: String)] = []
    var body: WireError { WireError(message: message, errorCode: errorCode, errors: errors) }
    let errorCode: String
    let message: String
    var errors: [String: [String]]?

    init(_ status: Int, _ errorCode: String, _ message: String) {
        self.status = status
        self.errorCode = errorCode
        self.message = message
    }
}
