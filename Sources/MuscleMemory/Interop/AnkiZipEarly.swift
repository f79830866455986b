import Foundation

extension AnkiZip {
    /// Slices of a file deflated on another thread while the file is still being finished: the
    /// Anki collection's rows are committed before its indexes are built, and the index builds
    /// (one SQLite connection, one core) leave the other core idle for 0.4 s at 100,000 cards.
    /// Building an index appends its pages and rewrites the first page, and leaves the tables'
    /// pages as they are, so the slices past the first that lie wholly inside the file of rows
    /// are the finished file's bytes. Nothing depends on that, though: `writeDeflated` reads
    /// each slice made here (and the 32 KiB before it) again and uses it only if their CRC-32s
    /// are unchanged, else it deflates that slice anew.
    final class EarlySlices: @unchecked Sendable {
        private let condition = NSCondition()
        private let input: Int32
        private var made: [Int: DeflatedSlice] = [:]
        private var stopped = false
        private var running = false
        private var closed = false

        /// Starts deflating, in order on one thread, the whole slices of the file at `path` as it
        /// is now, but the first (the page SQLite rewrites). A file of fewer than two whole slices
        /// starts nothing.
        init(file path: String) {
            input = open(path, O_RDONLY | O_CLOEXEC)
            var info = stat()
            let whole = input >= 0 && fstat(input, &info) == 0 ? Int(info.st_size) / sliceBytes : 0
            guard whole > 1 else { return }
            running = true
            let thread = Thread { [self] in run(1..<whole) }
            thread.start()
        }

        deinit { _ = finish() }

        private func run(_ indices: Range<Int>) {
            for index in indices {
                condition.lock()
                let stop = stopped
                condition.unlock()
                // A slice that fails here is simply not made early: `writeDeflated` makes it.
                guard !stop, let slice = try? AnkiZip.deflateSlice(input, from: index * sliceBytes, length: sliceBytes, last: false) else { break }
                condition.lock()
                made[index] = slice
                condition.unlock()
            }
            condition.lock()
            running = false
            condition.broadcast()
            condition.unlock()
        }

        /// Waits until the thread has made every slice it was started for (or stopped).
        func waitUntilMade() {
            condition.lock()
            defer { condition.unlock() }
            while running { condition.wait() }
        }

        /// Stops the thread (after the slice it is deflating) and returns the slices made, by
        /// index. Once stopped, later calls return the same slices.
        func finish() -> [Int: DeflatedSlice] {
            condition.lock()
            defer { condition.unlock() }
            stopped = true
            while running { condition.wait() }
            if !closed && input >= 0 { close(input) }
            closed = true
            return made
        }
    }
}
