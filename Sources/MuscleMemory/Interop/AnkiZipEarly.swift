import Foundation

extension AnkiZip {
    /// Slices of a file deflated on another thread while the file is still being finished: the
    /// Anki collection's review log is committed before the notes and cards go in, those before
    /// the indexes are built, and each of those steps (one SQLite connection, one core) leaves
    /// the other core idle (0.2 s and 0.4 s at 100,000 cards). Rows of another table and index
    /// builds append their pages and rewrite the first ones (the file header, the tables' roots),
    /// and leave the committed tables' pages as they are, so the slices past the first that lie
    /// wholly inside the committed file are the finished file's bytes. Nothing depends on that, though: `writeDeflated` reads
    /// each slice made here (and the 32 KiB before it) again and uses it only if their CRC-32s
    /// are unchanged, else it deflates that slice anew.
    final class EarlySlices: @unchecked Sendable {
        private let condition = NSCondition()
        /// The file, open for reading. Closed only by `finish`, which the writer calls after
        /// SQLite has closed the file (closing any descriptor of a file drops the process's POSIX
        /// locks on it, SQLite's included) except on the way out of a failed build.
        private let input: Int32
        private var made: [Int: DeflatedSlice] = [:]
        /// The next slice to deflate, and the end of the whole slices known so far.
        private var next = 1
        private var end = 1
        private var stopped = false
        private var running = false
        private var closed = false

        /// Starts deflating, in order on one thread, the whole slices of the file at `path` as it
        /// is now, but the first (the page SQLite rewrites); `extend` adds the ones it grows by.
        init(file path: String) {
            input = open(path, O_RDONLY | O_CLOEXEC)
            guard input >= 0 else { return }
            end = max(wholeSlices(), 1)
            running = true
            let thread = Thread { [self] in run() }
            thread.start()
        }

        deinit { _ = finish() }

        /// The file's whole slices now (its size, rounded down).
        private func wholeSlices() -> Int {
            var info = stat()
            return fstat(input, &info) == 0 ? Int(info.st_size) / sliceBytes : 0
        }

        private func run() {
            condition.lock()
            while true {
                while !stopped && next >= end { condition.wait() }
                if stopped { break }
                let index = next
                next += 1
                condition.unlock()
                // A slice that fails here is simply not made early: `writeDeflated` makes it.
                let slice = try? AnkiZip.deflateSlice(input, from: index * sliceBytes, length: sliceBytes, last: false)
                condition.lock()
                guard let slice else { break }
                made[index] = slice
                condition.broadcast()
            }
            running = false
            condition.broadcast()
            condition.unlock()
        }

        /// The file has grown (and what it had is unchanged): its new whole slices are deflated too.
        func extend() {
            condition.lock()
            defer { condition.unlock() }
            if input >= 0 { end = max(end, wholeSlices()) }
            condition.broadcast()
        }

        /// Waits until every whole slice known so far is made (or the thread has stopped).
        func waitUntilMade() {
            condition.lock()
            defer { condition.unlock() }
            while running && made.count < end - 1 { condition.wait() }
        }

        /// Stops the thread (after the slice it is deflating) and returns the slices made, by
        /// index. Once stopped, later calls return the same slices.
        func finish() -> [Int: DeflatedSlice] {
            condition.lock()
            defer { condition.unlock() }
            stopped = true
            condition.broadcast()
            while running { condition.wait() }
            if !closed && input >= 0 { close(input) }
            closed = true
            return made
        }
    }
}
