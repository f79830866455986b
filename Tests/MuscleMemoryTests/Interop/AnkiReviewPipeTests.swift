import Testing
@testable import MuscleMemory

/// The review log's two threads: every answer arrives in the order it was read, and an error of
/// either side stops both and comes back as it was thrown.
@Suite struct AnkiReviewPipeTests {
    struct Failure: Error, Equatable { var at: Int }

    static func answer(_ number: Int) -> AnkiExportReview {
        AnkiExportReview(reviewedAt: Int64(number), day: number / 100, grade: number % 6, answerMS: 1000, intervalDays: 1, easiness: 250)
    }

    /// Several batches and a partial one.
    static let count = AnkiReviewPipe.batchSize * AnkiReviewPipe.queueLength * 2 + 17

    @Test func everyAnswerArrivesInOrder() throws {
        var seen: [Int] = []
        try AnkiReviewPipe.run({ body in
            for number in 0..<Self.count { try body(number, Self.answer(number)) }
        }) { index, review in
            #expect(review == Self.answer(index))
            seen.append(index)
        }
        #expect(seen == Array(0..<Self.count))
    }

    @Test func theWritersErrorStopsTheReaderAndIsRethrown() {
        var read = 0
        let error = #expect(throws: Failure.self) {
            try AnkiReviewPipe.run({ body in
                for number in 0..<Self.count {
                    read = number + 1
                    try body(number, Self.answer(number))
                }
            }) { index, _ in
                if index == 10 { throw Failure(at: index) }
            }
        }
        #expect(error == Failure(at: 10))
        // The reader stopped at a full queue, not at the end of its answers.
        #expect(read < Self.count)
    }

    @Test func theReadersErrorIsRethrownAfterItsAnswers() {
        var seen = 0
        let error = #expect(throws: Failure.self) {
            try AnkiReviewPipe.run({ body in
                for number in 0..<100 { try body(number, Self.answer(number)) }
                throw Failure(at: 100)
            }) { _, _ in seen += 1 }
        }
        #expect(error == Failure(at: 100))
        #expect(seen == 100)
    }
}
