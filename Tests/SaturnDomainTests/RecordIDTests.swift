import Testing
@testable import SaturnDomain

@Suite("Record ids")
struct RecordIDTests {
    @Test("any text writes back exactly as it was given, whether held as two words or as text",
          arguments: ["5fca420bfb87d3edc812fb0faf49b6ee", "00000000000000000000000000000000", "ffffffffffffffffffffffffffffffff",
                      "5FCA420BFB87D3EDC812FB0FAF49B6EE", "5fca420bfb87d3edc812fb0faf49b6e", "5fca420bfb87d3edc812fb0faf49b6eef",
                      "5fca420bfb87d3edc812fb0faf49b6eg", "my-image", "", "é5fca420bfb87d3edc812fb0faf49b6e"])
    func roundTrips(text: String) {
        #expect(RecordID(text).description == text)
    }

    @Test("ids are equal exactly when their text is")
    func equality() {
        let lower = RecordID("5fca420bfb87d3edc812fb0faf49b6ee")
        #expect(lower == RecordID("5fca420bfb87d3edc812fb0faf49b6ee"))
        #expect(lower.hashValue == RecordID("5fca420bfb87d3edc812fb0faf49b6ee").hashValue)
        #expect(lower != RecordID("5FCA420BFB87D3EDC812FB0FAF49B6EE"))
        #expect(lower != RecordID("5fca420bfb87d3edc812fb0faf49b6ef"))
        #expect(RecordID("0a") != RecordID("a"))
    }
}
