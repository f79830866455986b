import Foundation

/// Parses the times given with `--now` / `MUSCLE_NOW`: ISO-8601 with a zone
/// (`2026-12-01T10:00:00Z`, `2026-12-01T10:00:00+01:00`, fractional seconds allowed), or a local
/// date and time without one (`2026-12-01T10:00:00`, `2026-12-01T10:00`), or a date (`2026-12-01`,
/// read as noon local time).
public enum ISOTime {
    public static func parse(_ text: String, timeZone: TimeZone = .current) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let zoned = ISO8601DateFormatter()
        zoned.formatOptions = [.withInternetDateTime]
        if let date = zoned.date(from: trimmed) { return date }
        zoned.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = zoned.date(from: trimmed) { return date }
        for format in ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = timeZone
            formatter.dateFormat = format
            formatter.isLenient = false
            if let date = formatter.date(from: trimmed) { return date }
        }
        let dateOnly = DateFormatter()
        dateOnly.locale = Locale(identifier: "en_US_POSIX")
        dateOnly.timeZone = timeZone
        dateOnly.dateFormat = "yyyy-MM-dd"
        dateOnly.isLenient = false
        if let date = dateOnly.date(from: trimmed) { return date.addingTimeInterval(12 * 3600) }
        return nil
    }

    /// `2026-12-01T10:00:00Z`, for logs and JSON.
    public static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
