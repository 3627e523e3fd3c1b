import FoundationEssentials

/// Whole-second UTC times in the ISO 8601 form the mock writes, "2026-11-27T10:32:07Z", by calendar arithmetic.
/// Foundation's ISO 8601 style made a store of 100,000 recipes load 70% slower (two times per recipe); it still reads
/// every other ISO 8601 form.
///
/// Every time the mock keeps lies in one range, `range`: from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z, the
/// four-digit years ISO 8601 writes without expansion and the range of Python's `datetime`, which Saturn's clients
/// parse times with. Nothing outside it is parsed, no clock moves outside it, and a time derived from one inside it
/// (an expiry, a lifecycle step) is `clamped` into it, so that whatever is written reads back.
public enum UTCTimestamp {
    private static let secondsPerDay = 86_400

    /// 0001-01-01T00:00:00Z through 9999-12-31T23:59:59Z.
    public static let range: ClosedRange<Date> =
        Date(timeIntervalSince1970: -62_135_596_800)...Date(timeIntervalSince1970: 253_402_300_799)

    /// What a time must be, for messages that refuse one.
    public static let expectation = "an ISO 8601 time from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z, such as 2026-01-01T00:00:00Z"

    /// The nearest time inside `range`.
    public static func clamped(_ date: Date) -> Date {
        min(max(date, range.lowerBound), range.upperBound)
    }

    /// The instant truncated to its second, as "YYYY-MM-DDTHH:MM:SSZ"; a time outside `range` is written as the
    /// range's nearest end, so that no written time fails to read back.
    public static func format(_ date: Date) -> String {
        let seconds = Int(clamped(date).timeIntervalSince1970.rounded(.down))
        let (days, secondOfDay) = seconds.quotientAndRemainder(dividingBy: secondsPerDay)
        let (dayNumber, second) = secondOfDay < 0 ? (days - 1, secondOfDay + secondsPerDay) : (days, secondOfDay)
        let (year, month, day) = civilDate(daysSinceEpoch: dayNumber)
        let calendarDay = "\(String(year, zeroPaddedTo: 4))-\(String(month, zeroPaddedTo: 2))-\(String(day, zeroPaddedTo: 2))"
        return calendarDay + "T\(String(second / 3600, zeroPaddedTo: 2)):\(String(second / 60 % 60, zeroPaddedTo: 2)):\(String(second % 60, zeroPaddedTo: 2))Z"
    }

    /// The time an ISO 8601 text names, in whole seconds as the mock keeps every time (a fraction is dropped, as
    /// `format` drops it, so that a time read is the time written back), or nil when it names none inside `range`. A
    /// date that does not exist, such as February 30, names none: Foundation's style would roll it over into the
    /// next month.
    public static func parse(_ text: String) -> Date? {
        var text = text
        let date: Date? = switch text.withUTF8(parseCanonical) {
        case .time(let date): date
        case .impossible: nil
        case .otherForm: try? Date.ISO8601FormatStyle().parse(text)
        }
        return date.flatMap { range.contains($0) ? $0.wholeSeconds : nil }
    }

    private enum CanonicalReading { case time(Date), impossible, otherForm }

    private static func parseCanonical(_ bytes: UnsafeBufferPointer<UInt8>) -> CanonicalReading {
        guard bytes.count == 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "Z")
        else { return .otherForm }
        guard let year = number(bytes, 0, 4), let month = number(bytes, 5, 2), let day = number(bytes, 8, 2),
              let hour = number(bytes, 11, 2), let minute = number(bytes, 14, 2), let second = number(bytes, 17, 2),
              (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day), hour < 24, minute < 60, second < 60
        else { return .impossible }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        return .time(Date(timeIntervalSince1970: TimeInterval(days * secondsPerDay + hour * 3600 + minute * 60 + second)))
    }

    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ width: Int) -> Int? {
        var value = 0
        for byte in bytes[start..<start + width] {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil and civil_from_days: exact for the proleptic Gregorian calendar.
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civilDate(daysSinceEpoch: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = daysSinceEpoch + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
