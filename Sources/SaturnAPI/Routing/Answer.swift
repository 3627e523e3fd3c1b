import MicroHTTP
import SaturnDomain

/// What a handler answers: a response now, or one to send once a commit is durable.
enum Answer {
    case now(HTTPResponse)
    /// `success` goes out once the commit is on disk; if the store fails, the error's answer goes instead.
    /// `changes` are what the request journal records of it.
    case whenDurable(Commit, success: HTTPResponse, changes: [RecordedChange])
}
