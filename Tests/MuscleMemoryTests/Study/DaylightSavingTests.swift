import Foundation
import MuscleMemory
import SM2
import Testing

/// The study day is the local calendar date of (local time minus the rollover hour), in calendar
/// terms: on the days the clocks change it still starts at 04:00 local.
struct DaylightSavingTests {
    let calendar = StudyCalendar(rolloverHour: 4, timeZone: TimeZone(identifier: "America/New_York")!)

    func date(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    /// (UTC instant, local time it is, the study day it belongs to).
    @Test(arguments: [
        // Fall back, 2026-11-01: 02:00 EDT becomes 01:00 EST.
        ("2026-11-01T07:30:00Z", "02:30 EST", "2026-10-31"),
        ("2026-11-01T08:30:00Z", "03:30 EST", "2026-10-31"),
        ("2026-11-01T09:00:00Z", "04:00 EST", "2026-11-01"),
        // Spring forward, 2026-03-08: 02:00 EST becomes 03:00 EDT.
        ("2026-03-08T07:30:00Z", "03:30 EDT", "2026-03-07"),
        ("2026-03-08T08:00:00Z", "04:00 EDT", "2026-03-08"),
        ("2026-03-08T08:59:00Z", "04:59 EDT", "2026-03-08"),
    ])
    func theDayStartsAtTheRolloverHourLocal(instant: String, local: String, day: String) {
        #expect(calendar.day(at: date(instant)) == Day(iso: day), "\(instant) (\(local))")
    }
}
