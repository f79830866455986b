import Foundation
import SM2

/// Maps wall-clock time to SM-2's calendar days. A study day starts at the rollover hour (04:00 by
/// default), so answers given at 01:30 count for the day the student thinks it still is.
public struct StudyCalendar: Sendable, Hashable {
    public static let defaultRolloverHour = 4

    public var rolloverHour: Int
    public var timeZone: TimeZone

    public init(rolloverHour: Int = StudyCalendar.defaultRolloverHour, timeZone: TimeZone = .current) {
        self.rolloverHour = min(max(rolloverHour, 0), 23)
        self.timeZone = timeZone
    }

    /// The study day that `date` belongs to.
    /// In calendar terms: the local date, one day earlier while the local hour is before the
    /// rollover. Subtracting the rollover in seconds would start the day at 03:00 or 05:00 local on
    /// the days the clocks change.
    public func day(at date: Date) -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour], from: date)
        let local = Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(0)
        return (parts.hour ?? 0) < rolloverHour ? local.adding(days: -1) : local
    }

    /// When `day` starts (its rollover moment), for "reviews since" windows.
    public func start(of day: Day) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(year: day.year, month: day.month, day: day.dayOfMonth, hour: rolloverHour)
        return calendar.date(from: components) ?? Date(timeIntervalSince1970: Double(day.number) * 86400)
    }
}
