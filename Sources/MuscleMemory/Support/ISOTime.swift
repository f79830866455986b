import Foundation
import SM2

/// Parses the times given with `--now` / `MUSCLE_NOW`, strictly: ISO-8601 with a zone
/// (`2026-12-01T10:00:00Z`, `2026-12-01T10:00:00+01:00`, fractional seconds allowed), or a local
/// date and time without one (`2026-12-01T10:00:00`, `2026-12-01T10:00`, a space for the `T`), or
/// a date (`2026-12-01`, read as noon local time).
///
/// Written by hand rather than with `ISO8601DateFormatter`, which reads `2026-02-30` as March 2
/// and takes offsets such as `+25:00`: every field is checked (the day exists, the hour is 0–23,
/// the offset at most 14 hours), and the year lies in `supportedYears`, where the proleptic
/// Gregorian `Day` and Foundation's calendar (Julian before 1582) agree.
public enum ISOTime {
    /// The years `--now` accepts: wide enough for any real session and any test's journey
    /// through time, narrow enough that no day arithmetic on them goes wrong.
    public static let supportedYears = 2000...2999

    /// Why a text is not a time `--now` accepts; `reason` completes "--now '…' …".
    public struct Invalid: Error, Equatable, Sendable {
        public var reason: String
    }

    static let shape = Invalid(reason: "is not an ISO-8601 time; write it like 2026-12-01T10:00:00Z")

    /// Spaces around the text are ignored (an environment variable often carries one).
    public static func parse(_ text: String, timeZone: TimeZone = .current) -> Result<Date, Invalid> {
        var scanner = Scanner(Array(text.trimmingCharacters(in: .whitespaces).utf8))
        guard let year = scanner.digits(4), scanner.take("-"), let month = scanner.digits(2), scanner.take("-"),
              let dayOfMonth = scanner.digits(2) else { return .failure(shape) }
        guard supportedYears.contains(year) else {
            return .failure(Invalid(reason: "is in the year \(year); muscle supports the years \(supportedYears.lowerBound) to \(supportedYears.upperBound)"))
        }
        guard let day = Day(year: year, month: month, day: dayOfMonth) else {
            return .failure(Invalid(reason: "names a day that does not exist"))
        }
        if scanner.atEnd {
            return local(day, hour: 12, minute: 0, second: 0, fraction: 0, timeZone: timeZone)
        }
        guard scanner.take("T") || scanner.take("t") || scanner.take(" "),
              let hour = scanner.digits(2), scanner.take(":"), let minute = scanner.digits(2) else { return .failure(shape) }
        var second = 0
        var fraction = 0.0
        if scanner.take(":") {
            guard let s = scanner.digits(2) else { return .failure(shape) }
            second = s
            if scanner.take(".") || scanner.take(",") {
                guard let (value, count) = scanner.fraction(), count <= 9 else { return .failure(shape) }
                fraction = Double(value) / pow(10, Double(count))
            }
        }
        guard hour <= 23, minute <= 59, second <= 59 else {
            return .failure(Invalid(reason: "names a time of day that does not exist (hours run 00-23, minutes and seconds 00-59)"))
        }
        if scanner.atEnd {
            return local(day, hour: hour, minute: minute, second: second, fraction: fraction, timeZone: timeZone)
        }
        let offsetMinutes: Int
        if scanner.take("Z") || scanner.take("z") {
            offsetMinutes = 0
        } else {
            let sign: Int
            if scanner.take("+") { sign = 1 } else if scanner.take("-") { sign = -1 } else { return .failure(shape) }
            guard let hours = scanner.digits(2) else { return .failure(shape) }
            var minutes = 0
            if !scanner.atEnd {
                _ = scanner.take(":")
                guard let m = scanner.digits(2) else { return .failure(shape) }
                minutes = m
            }
            guard minutes <= 59, hours * 60 + minutes <= 14 * 60 else {
                return .failure(Invalid(reason: "has an offset from UTC beyond 14 hours; offsets run from -14:00 to +14:00"))
            }
            offsetMinutes = sign * (hours * 60 + minutes)
        }
        guard scanner.atEnd else { return .failure(shape) }
        let seconds = day.number * 86_400 + hour * 3_600 + minute * 60 + second - offsetMinutes * 60
        return .success(Date(timeIntervalSince1970: Double(seconds) + fraction))
    }

    /// A wall-clock time in `timeZone` (in a daylight-saving gap, the calendar's nearest time).
    private static func local(_ day: Day, hour: Int, minute: Int, second: Int, fraction: Double, timeZone: TimeZone) -> Result<Date, Invalid> {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(year: day.year, month: day.month, day: day.dayOfMonth, hour: hour, minute: minute, second: second)
        guard let date = calendar.date(from: components) else { return .failure(Invalid(reason: "is not a time in the local time zone")) }
        return .success(date.addingTimeInterval(fraction))
    }

    /// `2026-12-01T10:00:00Z`, for logs and JSON.
    public static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// Reads ASCII fields off the front of the bytes.
    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { index == bytes.count }

        mutating func take(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, UInt32(bytes[index]) == character.value else { return false }
            index += 1
            return true
        }

        /// Exactly `count` ASCII digits, as a number.
        mutating func digits(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<index + count] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            index += count
            return value
        }

        /// One or more digits (at most 18, so the value fits), and how many there were.
        mutating func fraction() -> (Int, Int)? {
            let start = index
            var value = 0
            while index < bytes.count, (0x30...0x39).contains(bytes[index]), index - start < 18 {
                value = value * 10 + Int(bytes[index] - 0x30)
                index += 1
            }
            return index > start ? (value, index - start) : nil
        }
    }
}
