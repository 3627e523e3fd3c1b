import MicroHTTP
import SaturnDomain

/// The UI of the document's import flow, served by the binary itself: the files of `UI/`, embedded at build time
/// (no file to find at run time, no CDN). Each answer carries an `ETag`; a matching `If-None-Match` gets a 304.
enum UIEndpoints {
    /// One embedded file, ready to send.
    struct Asset: Sendable {
        let bytes: [UInt8]
        let contentType: String
        let etag: String

        init(_ bytes: [UInt8], contentType: String) {
            self.bytes = bytes
            self.contentType = contentType
            // FNV-1a of the content: changes whenever the file does.
            let hash = bytes.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01b3 }
            etag = "\"\(String(hash, radix: 16))\""
        }
    }

    /// Only this origin's scripts, styles and API; no inline code, no frames, no forms posted elsewhere.
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    static let page = Asset(PackageResources.index_html, contentType: "text/html; charset=utf-8")
    static let script = Asset(PackageResources.app_js, contentType: "text/javascript; charset=utf-8")
    static let styles = Asset(PackageResources.app_css, contentType: "text/css; charset=utf-8")

    /// `GET /`: the page, which asks for a User Token and walks the import flow.
    static func index(_ context: RequestContext) throws -> Answer { serve(page, context) }
    /// `GET /ui/app.js`.
    static func appScript(_ context: RequestContext) throws -> Answer { serve(script, context) }
    /// `GET /ui/app.css`.
    static func appStyles(_ context: RequestContext) throws -> Answer { serve(styles, context) }

    private static func serve(_ asset: Asset, _ context: RequestContext) -> Answer {
        let headers = [
            ("Content-Type", asset.contentType), ("ETag", asset.etag), ("Cache-Control", "no-cache"),
            ("Content-Security-Policy", contentSecurityPolicy), ("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "no-referrer"),
        ]
        if context.request.header("If-None-Match") == asset.etag {
            return .now(HTTPResponse(status: 304, headers: headers))
        }
        return .now(HTTPResponse(status: 200, headers: headers, body: asset.bytes))
    }
}
