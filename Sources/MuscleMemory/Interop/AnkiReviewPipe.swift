import Foundation

/// The review log read on one thread and written on another: reading 1.9 million answers from
/// the study database and inserting 1.4 million rows into the Anki file each took about as long
/// as the other, one after the other, on one core. The reader hands over batches, in order,
/// through a short queue; the writer's `body` sees every answer in the order `source` gave it,
/// on the calling thread, as if it had called `source` itself.
enum AnkiReviewPipe {
    typealias Answer = (index: Int, review: AnkiExportReview)

    /// Answers per batch, and batches the reader may be ahead of the writer.
    static let batchSize = 8192
    static let queueLength = 4

    /// Calls `body` with each answer `source` gives, in order. An error of either side stops both;
    /// `body`'s is rethrown as it is, else `source`'s. `source` has returned before this does.
    static func run(_ source: @escaping AnkiPackageWriter.Reviews, _ body: (Int, AnkiExportReview) throws -> Void) throws {
        let channel = Channel()
        let reader = Reader(source: source, channel: channel)
        let thread = Thread { reader.run() }
        thread.start()
        var failure: (any Error)?
        while let batch = channel.take() {
            do {
                for answer in batch { try body(answer.index, answer.review) }
            } catch {
                failure = error
                channel.cancel()
                break
            }
        }
        reader.finished.wait()
        if let failure { throw failure }
        if let error = reader.error { throw error }
    }

    /// The reading side: `source` on its own thread, its answers put in batches.
    private final class Reader: @unchecked Sendable {
        let source: AnkiPackageWriter.Reviews
        let channel: Channel
        /// Signalled once `source` has returned.
        let finished = DispatchSemaphore(value: 0)
        /// What `source` threw, unless it was stopped by the writer (read after `finished`).
        private(set) var error: (any Error)?

        init(source: @escaping AnkiPackageWriter.Reviews, channel: Channel) {
            self.source = source
            self.channel = channel
        }

        func run() {
            var batch: [Answer] = []
            batch.reserveCapacity(AnkiReviewPipe.batchSize)
            do {
                try source { index, review in
                    batch.append((index, review))
                    if batch.count == AnkiReviewPipe.batchSize {
                        guard channel.put(batch) else { throw Stopped() }
                        batch.removeAll(keepingCapacity: true)
                    }
                }
            } catch is Stopped {
            } catch {
                self.error = error
            }
            // The answers read before the end (or before an error), as the writer would have seen
            // them calling `source` itself; after `Stopped` the channel refuses them.
            if !batch.isEmpty { _ = channel.put(batch) }
            channel.close()
            finished.signal()
        }
    }

    /// Thrown into `source` when the writer has stopped taking answers.
    private struct Stopped: Error {}

    /// A bounded queue of batches between the two threads.
    private final class Channel: @unchecked Sendable {
        private let condition = NSCondition()
        private var batches: [[Answer]] = []
        private var closed = false
        private var cancelled = false

        /// Adds a batch, waiting while the queue is full; false once the writer has stopped.
        func put(_ batch: [Answer]) -> Bool {
            condition.lock()
            defer { condition.unlock() }
            while batches.count >= AnkiReviewPipe.queueLength && !cancelled { condition.wait() }
            if cancelled { return false }
            batches.append(batch)
            condition.broadcast()
            return true
        }

        /// The next batch, waiting for one; nil once the reader is done and the queue is empty.
        func take() -> [Answer]? {
            condition.lock()
            defer { condition.unlock() }
            while batches.isEmpty && !closed { condition.wait() }
            if batches.isEmpty { return nil }
            let batch = batches.removeFirst()
            condition.broadcast()
            return batch
        }

        /// The reader has no more batches.
        func close() {
            condition.lock()
            closed = true
            condition.broadcast()
            condition.unlock()
        }

        /// The writer takes no more batches: a waiting reader is let go.
        func cancel() {
            condition.lock()
            cancelled = true
            batches.removeAll()
            condition.broadcast()
            condition.unlock()
        }
    }
}
