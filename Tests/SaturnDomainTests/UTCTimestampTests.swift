import Foundation
import Testing
import SaturnDomain

@Suite("UTC timestamps")
struct UTCTimestampTests {
    // Foundation switches to the Julian calendar before 1582, so the comparison starts after it.
    @Test("formats and reads back exactly as Foundation's ISO 8601 style does, from 1589 to 9999")
    func agreesWithFoundation() {
        var generator = SystemRandomNumberGenerator()
        let instants = [-11_676_096_000, -2_208_988_800, -1, 0, 951_782_400, 951_868_799, 4_107_542_400, 253_402_300_799]
            + (0..<5_000).map { _ in Int.random(in: -12_000_000_000...12_000_000_000, using: &generator) }
        for seconds in instants {
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            let text = UTCTimestamp.format(date)
            #expect(text == Date.ISO8601FormatStyle().format(date), "\(seconds)")
            #expect(UTCTimestamp.parse(text) == date, "\(text)")
        }
    }

    @Test("drops the fraction of a second, written or read, as the store keeps whole seconds: what is read is written back")
    func truncatesFractions() {
        #expect(UTCTimestamp.format(Date(timeIntervalSince1970: 1_795_775_527.9)) == "2026-11-27T10:32:07Z")
        #expect(UTCTimestamp.format(Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59Z")
        let read = UTCTimestamp.parse("2026-11-27T10:32:07.75Z")
        #expect(read == Date(timeIntervalSince1970: 1_795_775_527))
        #expect(read.map(UTCTimestamp.format).flatMap(UTCTimestamp.parse) == read)
    }

    @Test("names no time outside 0001-01-01 to 9999-12-31, the range every time the mock keeps lies in", arguments: [
        "0000-12-31T23:59:59Z", "-0001-01-28T00:00:00Z", "+10000-01-01T00:00:00Z",
    ])
    func rejectsOutOfRange(text: String) {
        #expect(UTCTimestamp.parse(text) == nil)
        #expect(UTCTimestamp.parse("0001-01-01T00:00:00Z") == UTCTimestamp.range.lowerBound)
        #expect(UTCTimestamp.parse("9999-12-31T23:59:59Z") == UTCTimestamp.range.upperBound)
    }

    @Test("reads the other ISO 8601 forms a seed or a control call may use")
    func readsOtherForms() {
        #expect(UTCTimestamp.parse("2026-11-27T11:32:07+01:00") == Date(timeIntervalSince1970: 1_795_775_527))
        #expect(UTCTimestamp.parse("2024-02-29T00:00:00Z") == Date(timeIntervalSince1970: 1_709_164_800))
    }

    @Test("names no time for impossible dates or other text", arguments: [
        "2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-04-31T00:00:00Z", "2026-11-27T24:00:00Z", "2026-11-27T10:60:00Z",
        "2026-11-27 10:32:07Z", "2026-11-27T10:32:0xZ", "tomorrow", "",
    ])
    func rejectsImpossible(text: String) {
        #expect(UTCTimestamp.parse(text) == nil)
    }
}
