/// A calendar day: the unit SM-2 schedules in.
///
/// Docs/SM2.md measures intervals in whole days and sets `due = day of the answer + interval`, so the
/// scheduler needs calendar days, not instants. A `Day` is a count of days since 1970-01-01 in the
/// proleptic Gregorian calendar; it has no time zone and no time of day. Mapping wall-clock time to a
/// study day (with the configured rollover hour, 04:00 by default) is the session's job, outside
/// this module, which has no clock.
///
/// The conversions are Howard Hinnant's `days_from_civil` / `civil_from_days` algorithms
/// (integer arithmetic only, exact for every day).
public struct Day: Hashable, Comparable, Strideable, Sendable, CustomStringConvertible, Codable {
    /// Days since 1970-01-01 (0 is 1970-01-01, −1 is 1969-12-31).
    public var number: Int

    /// Years `init?(year:month:day:)` accepts. The bound keeps `days_from_civil` far from `Int`
    /// overflow; it is wider than any date a card can reach (the maximum interval is 100 years).
    public static let supportedYears: ClosedRange<Int> = -1_000_000_000...1_000_000_000

    public init(_ number: Int) {
        self.number = number
    }

    /// The day of a proleptic Gregorian date, or nil if the date does not exist (2026-02-30,
    /// 2026-13-01) or its year is outside `supportedYears`.
    public init?(year: Int, month: Int, day: Int) {
        guard Day.supportedYears.contains(year), (1...12).contains(month),
              (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        // days_from_civil (Hinnant): a year that starts on March 1 puts the leap day last.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400                                          // [0, 399]
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1  // [0, 365]
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear   // [0, 146096]
        self.number = era * 146_097 + dayOfEra - 719_468
    }

    /// Parses the ISO 8601 calendar date `YYYY-MM-DD` ("2026-12-01"), the form `description` writes.
    /// The year has at least four digits and may carry a leading "-"; month and day have exactly two.
    /// Nil for anything else, including surrounding spaces and dates that do not exist.
    public init?(iso: String) {
        var rest = Substring(iso)
        let negative = rest.first == "-"
        if negative { rest = rest.dropFirst() }
        let fields = rest.split(separator: "-", omittingEmptySubsequences: false)
        guard fields.count == 3,
              (4...10).contains(fields[0].count), fields[1].count == 2, fields[2].count == 2,
              let year = Day.decimal(fields[0]), let month = Day.decimal(fields[1]),
              let day = Day.decimal(fields[2]) else { return nil }
        self.init(year: negative ? -year : year, month: month, day: day)
    }

    /// The Gregorian year (may be ≤ 0 for days before year 1: year 0 is 1 BC).
    public var year: Int { civil.year }
    /// 1 (January) … 12 (December).
    public var month: Int { civil.month }
    /// 1 … 31.
    public var dayOfMonth: Int { civil.day }

    /// ISO weekday: 1 = Monday … 7 = Sunday. 1970-01-01 was a Thursday (4).
    public var weekday: Int {
        Day.floorMod(Day.floorMod(number, 7) + 3, 7) + 1
    }

    /// "2026-12-01": ISO 8601, year zero-padded to four digits, "-" before a negative year.
    public var description: String {
        let (year, month, day) = civil
        let sign = year < 0 ? "-" : ""
        return sign + Day.padded(year.magnitude, 4) + "-" + Day.padded(month.magnitude, 2)
            + "-" + Day.padded(day.magnitude, 2)
    }

    public func adding(days: Int) -> Day {
        Day(number + days)
    }

    // MARK: Comparable, Strideable (the stride is a number of days)

    public static func < (lhs: Day, rhs: Day) -> Bool {
        lhs.number < rhs.number
    }

    public func distance(to other: Day) -> Int {
        other.number - number
    }

    public func advanced(by days: Int) -> Day {
        adding(days: days)
    }

    // MARK: Codable: the ISO string, so stored and exported days read as dates

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "Not an ISO calendar date (YYYY-MM-DD): \(text)")
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    // MARK: Calendar arithmetic

    /// civil_from_days (Hinnant). The era and day-of-era are split off `number` before the epoch
    /// offset is added, so no `Int` value of `number` can overflow.
    private var civil: (year: Int, month: Int, day: Int) {
        // 719_468 (days from 0000-03-01 to 1970-01-01) == 4 eras + 135_080 days.
        var era = Day.floorDiv(number, 146_097) + 4
        var dayOfEra = Day.floorMod(number, 146_097) + 135_080
        if dayOfEra >= 146_097 {
            dayOfEra -= 146_097
            era += 1
        }
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)  // [0, 365]
        let shiftedMonth = (5 * dayOfYear + 2) / 153                                     // [0, 11], 0 = March
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    private static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    private static func floorMod(_ a: Int, _ b: Int) -> Int {
        let r = a % b
        return r < 0 ? r + b : r
    }

    /// ASCII digits only (`Int(_:)` would also take a sign); the callers bound the length.
    private static func decimal(_ digits: Substring) -> Int? {
        var value = 0
        for scalar in digits.unicodeScalars {
            guard ("0"..."9").contains(scalar) else { return nil }
            value = value * 10 + Int(scalar.value - 48)
        }
        return value
    }

    private static func padded(_ value: UInt, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
