import Testing
@testable import SaturnJSON

@Suite("JSON parsing")
struct JSONValueTests {
    @Test("kinds are kept apart: booleans are not numbers")
    func kinds() throws {
        #expect(try JSONValue.parse(Array(#"{"a": true, "b": 1, "c": null, "d": "x", "e": [1.5]}"#.utf8)) == .object([
            "a": .bool(true), "b": .number(1), "c": .null, "d": .string("x"), "e": .array([.number(1.5)]),
        ]))
    }

    @Test("bad input is a syntax error, never a crash", arguments: [
        "", "{", "[1,]", "{\"a\" 1}", String(repeating: "[", count: 100_000), String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000),
    ])
    func syntaxErrors(text: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(Array(text.utf8)) }
    }

    @Test("invalid UTF-8 is a syntax error")
    func invalidUTF8() {
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse([0x22, 0xFF, 0xFE, 0x22]) }
    }

    @Test("the reason says what is wrong and at which byte", arguments: [
        ("", "the body is empty"),
        ("{\"a\": }", "unexpected character '}' at byte 6"),
        ("[1,]", "unexpected character ']' at byte 3"),
        ("{\"a\": 1} x", "unexpected text after the JSON value at byte 9"),
    ])
    func reasons(text: String, reason: String) throws {
        let error = try #require(throws: JSONSyntaxError.self) { try JSONValue.parse(Array(text.utf8)) }
        #expect(error.reason == reason)
    }
}
