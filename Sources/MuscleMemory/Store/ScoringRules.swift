import SM2

/// The rules that score answers, each defined once and used by Swift and SQL alike
/// (Docs/SM2.md, "How answers count"). SQL gets them as generated fragments rather than bound
/// values: integer constants, never input, and written out so that SQLite can match a query's
/// condition against the partial index it was made for. The schema's triggers and indexes (which a
/// migration fixes for good) hold the same fragments; a test checks they agree.
public enum ScoringRules {
    // MARK: Correct

    /// An answer is correct when graded 3 or more (`Grade.isCorrect`).
    public static func isCorrect(_ grade: Grade) -> Bool { grade.isCorrect }

    /// `r.grade >= 3`: whether the grade in `column` is correct.
    static func correct(grade column: String) -> String {
        "\(column) >= \(Grade.lowestCorrect.rawValue)"
    }

    // MARK: Review kinds

    /// `r.kind = 0`, or `r.kind IN (0, 1)`: whether the review in `column` is of one of `kinds`.
    static func kind(_ column: String, is kinds: ReviewKind...) -> String {
        kinds.count == 1 ? "\(column) = \(kinds[0].rawValue)" : "\(column) IN (\(kinds.map { String($0.rawValue) }.joined(separator: ", ")))"
    }

    // MARK: Leeches

    /// A leech has this many lapses or more…
    public static let leechLapses = 4
    /// …or its easiness down at the floor; and it has been reviewed at least once.
    public static let leechEasiness = Easiness.floor

    public static func isLeech(reviews: Int, lapses: Int, easiness: Easiness) -> Bool {
        reviews > 0 && (lapses >= leechLapses || easiness <= leechEasiness)
    }

    /// "4 or more lapses, or easiness at the 1.30 floor": the rule in words, for reports.
    public static let leechRule = "\(leechLapses) or more lapses, or easiness at the \(leechEasiness) floor"

    /// `s.reviews > 0 AND (s.lapses >= 4 OR s.easiness <= 130)` over the card states in `table`
    /// (no prefix when nil): word for word the condition of the partial index `card_state_leech`.
    static func leech(in table: String?) -> String {
        let s = table.map { $0 + "." } ?? ""
        return "\(s)reviews > 0 AND (\(s)lapses >= \(leechLapses) OR \(s)easiness <= \(leechEasiness.hundredths))"
    }
}
