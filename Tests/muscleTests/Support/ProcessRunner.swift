import Foundation

struct ProcessResult: Sendable {
    var stdout: String
    var stderr: String
    var exitCode: Int32
    /// Killed by a signal (or the timeout) rather than exiting.
    var signalled: Bool
}

/// Runs a program to completion with piped input and output, reading both outputs while it runs
/// (no deadlock on large output) and killing it if it outlives the timeout.
enum ProcessRunner {
    static func run(_ executable: String, _ arguments: [String], stdin: String? = nil, environment: [String: String], directory: String, timeout: TimeInterval) -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        let collected = Collected()
        output.fileHandleForReading.readabilityHandler = { collected.append(out: $0.availableData) }
        errors.fileHandleForReading.readabilityHandler = { collected.append(err: $0.availableData) }
        do {
            try process.run()
        } catch {
            return ProcessResult(stdout: "", stderr: "cannot run \(executable): \(error)", exitCode: -1, signalled: false)
        }
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(2_000) }
        if process.isRunning { process.terminate(); usleep(100_000); if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        process.waitUntilExit()
        output.fileHandleForReading.readabilityHandler = nil
        errors.fileHandleForReading.readabilityHandler = nil
        collected.append(out: output.fileHandleForReading.readDataToEndOfFile())
        collected.append(err: errors.fileHandleForReading.readDataToEndOfFile())
        return ProcessResult(stdout: collected.stdout, stderr: collected.stderr, exitCode: process.terminationStatus,
                             signalled: process.terminationReason == .uncaughtSignal)
    }

    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var out = Data()
        private var err = Data()

        func append(out data: Data) { lock.lock(); out.append(data); lock.unlock() }
        func append(err data: Data) { lock.lock(); err.append(data); lock.unlock() }
        var stdout: String { lock.lock(); defer { lock.unlock() }; return String(decoding: out, as: UTF8.self) }
        var stderr: String { lock.lock(); defer { lock.unlock() }; return String(decoding: err, as: UTF8.self) }
    }
}
