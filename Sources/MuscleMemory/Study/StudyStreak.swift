import SM2

/// Consecutive study days ending today, or yesterday when today has no answers yet: the one rule
/// the session summary and `muscle stats` both show.
public enum StudyStreak {
    /// - Parameter days: days with answers on or before `today`, newest first.
    public static func length(of days: [Day], through today: Day) -> Int {
        var expected = days.first == today ? today : today.adding(days: -1)
        var streak = 0
        for day in days {
            if day == expected {
                streak += 1
                expected = expected.adding(days: -1)
            } else if day < expected {
                break
            }
        }
        return streak
    }
}
