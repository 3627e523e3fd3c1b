import Foundation
import Testing
import SaturnJSON

@Suite("JSON output")
struct JSONOutputTests {
    @Test("strings are escaped so that any text round-trips", arguments: [
        "plain", "quote \" and backslash \\", "line\nbreak\ttab\rreturn", "\u{01}\u{1F}", "ünïcödé ☃ 🚀", "",
    ])
    func roundTrip(text: String) throws {
        var output = JSONOutput()
        output.object { json in
            json.key("text")
            json.string(text)
            json.key("list")
            json.array([text, text]) { json, item in json.string(item) }
            json.key(text)
            json.null()
        }
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(output.bytes)) as? [String: Any])
        #expect(parsed["text"] as? String == text)
        #expect(parsed["list"] as? [String] == [text, text])
        #expect(parsed[text] is NSNull)
    }

    @Test("commas go between members and elements, never after the last")
    func separators() {
        var output = JSONOutput()
        output.object { json in
            json.key("a")
            json.array([1, 2]) { json, _ in json.object { _ in } }
            json.key("b")
            json.bool(true)
            json.key("c")
            json.array([String]()) { json, item in json.string(item) }
        }
        #expect(String(decoding: output.bytes, as: UTF8.self) == #"{"a":[{},{}],"b":true,"c":[]}"#)
    }
}
