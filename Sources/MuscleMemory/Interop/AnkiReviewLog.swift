/// Anki's review log, a row at a time, from the exported cards' first answers of a day in the
/// order they were given: what a review's row says depends only on the answers before it (its
/// card's last interval and grade, the last row's id), so the 2 million answers of a large
/// collection are turned into rows as they are read and never held.
///
/// With progress, a card that has a due day and answers becomes a review card whose answers are
/// its rows; a card without a due day (new again) stays new and its answers are left out, but
/// still count for the collection's day 0, as they did when the log was built from whole arrays.
public struct AnkiReviewLog: Sendable {
    private let firstNoteID: Int64
    private let exported: [Bool]
    private var counts: [Int]
    private var lastInterval: [Int]
    private var lastGrade: [Int]
    private var lastReviewID = Int64.min
    /// The earliest study day of any answer seen (nil before the first).
    public private(set) var firstDay: Int?
    /// The rows written so far.
    public private(set) var rowCount = 0

    /// For these cards, whose notes' ids start at `firstNoteID` (card `i` is `firstNoteID + i`).
    public init(cards: [AnkiExportCard], firstNoteID: Int64) {
        self.firstNoteID = firstNoteID
        exported = cards.map { $0.dueDay != nil }
        counts = Array(repeating: 0, count: cards.count)
        lastInterval = counts
        lastGrade = counts
    }

    /// How many answers of card `index` have been seen.
    public func reviewCount(card index: Int) -> Int { counts[index] }

    /// The row for the next answer of card `index` (answers come oldest first), or nil when the
    /// card's answers are not exported.
    public mutating func add(card index: Int, _ review: AnkiExportReview) -> AnkiPackage.Review? {
        firstDay = min(firstDay ?? review.day, review.day)
        let number = counts[index]
        counts[index] = number + 1
        let failedBefore = number > 0 && lastGrade[index] < 3
        let previousInterval = number > 0 ? lastInterval[index] : 0
        lastGrade[index] = review.grade
        lastInterval[index] = review.intervalDays
        guard exported[index] else { return nil }
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
