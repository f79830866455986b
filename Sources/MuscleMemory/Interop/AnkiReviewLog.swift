/// Anki's review log, a row at a time, from the exported cards' first answers of a day in the
/// order they were given: what a review's row says depends only on the answers before it (its
/// card's last interval and grade, the last row's id), so the 2 million answers of a large
/// collection are turned into rows as they are read and never held.
///
/// With progress, a card that has a due day and answers becomes a review card whose answers are
/// its rows; a card without a due day (new again) stays new and its answers are left out, but
/// still count for the collection's day 0, as they did when the log was built from whole arrays.
public struct AnkiReviewLog: Sendable {
    /// What one card's next row needs of the answers before it. One array of these, not one
    /// array per field: each answer touches one place in memory (2 million answers, 100,000 cards).
    private struct CardLog: Sendable {
        var exported: Bool
        var count = 0
        var lastInterval = 0
        var lastGrade = 0
    }

    private let firstNoteID: Int64
    private var logs: [CardLog]
    private var lastReviewID = Int64.min
    /// The earliest study day of any answer seen (nil before the first).
    public private(set) var firstDay: Int?
    /// The rows written so far.
    public private(set) var rowCount = 0

    /// For these cards, whose notes' ids start at `firstNoteID` (card `i` is `firstNoteID + i`).
    public init(cards: [AnkiExportCard], firstNoteID: Int64) {
        self.firstNoteID = firstNoteID
        logs = cards.map { CardLog(exported: $0.dueDay != nil) }
    }

    /// How many answers of card `index` have been seen.
    public func reviewCount(card index: Int) -> Int { logs[index].count }

    /// The row for the next answer of card `index` (answers come oldest first), or nil when the
    /// card's answers are not exported.
    public mutating func add(card index: Int, _ review: AnkiExportReview) -> AnkiPackage.Review? {
        firstDay = min(firstDay ?? review.day, review.day)
        let before = logs[index]
        logs[index].count = before.count + 1
        logs[index].lastGrade = review.grade
        logs[index].lastInterval = review.intervalDays
        guard before.exported else { return nil }
        let number = before.count
        let failedBefore = number > 0 && before.lastGrade < 3
        let previousInterval = number > 0 ? before.lastInterval : 0
        // Unix milliseconds, made unique: one more than the row before when two share a millisecond.
        let next = lastReviewID.addingReportingOverflow(1)
        let reviewID = next.overflow ? Int64.max : max(review.reviewedAt, next.partialValue)
        lastReviewID = reviewID
        rowCount += 1
        return AnkiPackage.Review(id: reviewID, cardID: firstNoteID + Int64(index), ease: AnkiPackage.ease(grade: review.grade),
                                  interval: review.intervalDays, lastInterval: previousInterval, factor: review.easiness &* 10,
                                  timeMS: min(review.answerMS, 60_000), type: number == 0 ? 0 : failedBefore ? 2 : 1)
    }
}
