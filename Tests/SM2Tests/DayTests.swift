import Foundation
import SM2
import Testing

@Suite("Day: calendar days without Date")
struct DayTests {
    struct KnownDay: Sendable, CustomTestStringConvertible {
        var iso: String
        var number: Int
        var weekday: Int
        var testDescription: String { iso }
    }

    // Day numbers from `date -u -d <day> +%s` / 86400; weekdays from `date +%u`.
    static let known: [KnownDay] = [
        KnownDay(iso: "1970-01-01", number: 0, weekday: 4),
        KnownDay(iso: "1969-12-31", number: -1, weekday: 3),
        KnownDay(iso: "2000-02-29", number: 11_016, weekday: 2),
        KnownDay(iso: "2000-03-01", number: 11_017, weekday: 3),
        KnownDay(iso: "2026-12-01", number: 20_788, weekday: 2),
        KnownDay(iso: "2026-12-06", number: 20_793, weekday: 7),
        KnownDay(iso: "2026-12-07", number: 20_794, weekday: 1),
        KnownDay(iso: "1900-03-01", number: -25_508, weekday: 4),
        KnownDay(iso: "0000-03-01", number: -719_468, weekday: 3),
    ]

    @Test(arguments: known)
    func knownDays(_ known: KnownDay) throws {
        let day = try #require(Day(iso: known.iso))
        #expect(day.number == known.number)
        #expect(day.weekday == known.weekday)
        #expect(day.description == known.iso)
        #expect(Day(known.number).description == known.iso)
    }

    @Test func startDayOfTheTestsIs20261201() {
        #expect(startDay == Day(year: 2026, month: 12, day: 1))
        #expect(startDay.year == 2026 && startDay.month == 12 && startDay.dayOfMonth == 1)
    }

    @Test(arguments: [
        (2000, 2, 29, true), (2024, 2, 29, true), (1900, 2, 29, false), (2023, 2, 29, false),
        (2026, 2, 30, false), (2026, 4, 31, false), (2026, 4, 30, true), (2026, 12, 31, true),
        (2026, 13, 1, false), (2026, 0, 1, false), (2026, 1, 0, false), (2026, 1, 32, false),
        (0, 2, 29, true), (-4, 2, 29, true), (-1, 2, 29, false), (2_000_000_000, 1, 1, false),
    ])
    func validity(year: Int, month: Int, day: Int, valid: Bool) {
        #expect((Day(year: year, month: month, day: day) != nil) == valid)
    }

    @Test(arguments: [
        "", "2026", "2026-12", "2026-1-01", "2026-12-1", "26-12-01", "2026/12/01", "2026-12-01 ",
        " 2026-12-01", "2026-12-01x", "+2026-12-01", "--2026-12-01", "2026--12-01", "abcd-12-01",
        "2026-1a-01", "2026-13-01", "2026-02-30", "2026-00-10", "２０２６-12-01", "2026-12-01T00:00",
        "99999999999999999999-01-01",
    ])
    func malformedISO(_ text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test func descriptionPadsAndRoundTripsOutsideFourDigitYears() throws {
        let cases: [(Int, Int, Int, String)] = [
            (5, 1, 2, "0005-01-02"), (-1, 3, 1, "-0001-03-01"), (22_000, 6, 30, "22000-06-30"),
        ]
        for (year, month, dayOfMonth, text) in cases {
            let day = try #require(Day(year: year, month: month, day: dayOfMonth))
            #expect(day.description == text)
            #expect(Day(iso: text) == day)
            #expect(day.year == year && day.month == month && day.dayOfMonth == dayOfMonth)
        }
    }

    /// Walks every day of 1600-01-01 … 2400-12-31 (two full 400-year eras plus) and checks that
    /// civil_from_days steps through the calendar one day at a time, that days_from_civil inverts it,
    /// and that the weekday cycles. Mismatches are collected so one failure does not flood the log.
    @Test func everyDayOfEightCenturiesIsConsistent() throws {
        let first = try #require(Day(year: 1600, month: 1, day: 1))
        let last = try #require(Day(year: 2400, month: 12, day: 31))
        var previous = first.adding(days: -1)
        var problems: [String] = []
        #expect(previous.description == "1599-12-31")
        for day in first...last {
            let (y, m, d) = (day.year, day.month, day.dayOfMonth)
            let (py, pm, pd) = (previous.year, previous.month, previous.dayOfMonth)
            let isNextDay = (y == py && m == pm && d == pd + 1)
                || (y == py && m == pm + 1 && d == 1)
                || (y == py + 1 && m == 1 && d == 1 && pm == 12 && pd == 31)
            if !isNextDay { problems.append("\(previous) -> \(day)") }
            if Day(year: y, month: m, day: d) != day { problems.append("round trip \(day.number)") }
            if day.weekday != previous.weekday % 7 + 1 { problems.append("weekday \(day)") }
            if problems.count > 10 { break }
            previous = day
        }
        #expect(problems.isEmpty, "\(problems)")
        #expect(first.distance(to: last) == 292_559)
    }

    @Test func extremeNumbersDoNotTrap() {
        for number in [Int.max, Int.min, Int.max - 1, Int.min + 1] {
            let day = Day(number)
            #expect((1...7).contains(day.weekday))
            #expect((1...12).contains(day.month))
            #expect((1...31).contains(day.dayOfMonth))
            #expect((day.year > 0) == (number > 0))
        }
    }

    @Test func strideable() {
        let week = Array(startDay..<startDay.adding(days: 7))
        #expect(week.count == 7)
        #expect(Set(week.map(\.weekday)) == Set(1...7))
        #expect(startDay.distance(to: startDay.adding(days: 42)) == 42)
        #expect(startDay.advanced(by: -1).description == "2026-11-30")
        #expect(startDay.adding(days: 31).description == "2027-01-01")
        #expect(startDay < startDay.adding(days: 1))
    }

    @Test func codableAsISOString() throws {
        let data = try JSONEncoder().encode([startDay])
        #expect(String(decoding: data, as: UTF8.self) == #"["2026-12-01"]"#)
        #expect(try JSONDecoder().decode([Day].self, from: data) == [startDay])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([Day].self, from: Data(#"["2026-02-30"]"#.utf8))
        }
    }
}
