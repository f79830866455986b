import Foundation

/// A program fed line by line through a pipe while the test watches its output: for sessions the
/// test answers step by step, and for killing a process at a chosen moment.
final class LiveProcess: @unchecked Sendable {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let lock = NSLock()
    private var received = Data()
    private let errors = Pipe()
    private var receivedErrors = Data()

    init(_ executable: String, _ arguments: [String], environment: [String: String], directory: String) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        errors.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self else { return }
            self.lock.lock(); self.receivedErrors.append(data); self.lock.unlock()
        }
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self else { return }
            self.lock.lock(); self.received.append(data); self.lock.unlock()
        }
        try process.run()
    }

    deinit {
        output.fileHandleForReading.readabilityHandler = nil
        errors.fileHandleForReading.readabilityHandler = nil
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
    }

    var text: String { lock.lock(); defer { lock.unlock() }; return String(decoding: received, as: UTF8.self) }
    var errorText: String { lock.lock(); defer { lock.unlock() }; return String(decoding: receivedErrors, as: UTF8.self) }

    /// Waits for the program to end (bounded) and gives its exit code, nil if it is still running.
    func waitForExit(timeout: TimeInterval = 20) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(2_000) }
        guard !process.isRunning else { return nil }
        usleep(20_000)  // the reader threads' last bytes
        return process.terminationStatus
    }

    /// Types a line; ignored if the program has already gone (no SIGPIPE for the test run).
    func send(_ line: String) {
        PipeInput.write(Array((line + "\n").utf8), to: input.fileHandleForWriting.fileDescriptor)
    }

    func closeInput() { try? input.fileHandleForWriting.close() }

    /// Waits until the output holds `count` occurrences of `needle` (bounded polling: the output
    /// arrives on Foundation's reader thread).
    @discardableResult
    func waitFor(_ needle: String, count: Int = 1, timeout: TimeInterval = 20) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if text.components(separatedBy: needle).count - 1 >= count { return true }
            if !process.isRunning { return text.components(separatedBy: needle).count - 1 >= count }
            usleep(2_000)
        }
        return false
    }

    func kill(_ signal: Int32 = SIGKILL) {
        Foundation.kill(process.processIdentifier, signal)
        process.waitUntilExit()
    }
}
