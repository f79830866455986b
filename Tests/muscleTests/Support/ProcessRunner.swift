#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// How a program run to completion ended, and everything it printed.
struct ProcessResult: Sendable {
    var stdout: String
    var stderr: String
    /// The exit code; the signal number when `signalled`.
    var exitCode: Int32
    /// Killed by a signal (a crash, or the timeout) rather than exiting.
    var signalled: Bool
    /// Killed by the runner because it outlived its timeout.
    var timedOut = false
}

/// Runs a program to completion with piped input and output.
///
/// Each pipe has its own thread: standard output and standard error are read while the program
/// runs (a program that fills one pipe while the test waits on the other would otherwise never
/// finish), and standard input is written without blocking the wait (a program that never reads
/// it must still time out). Dedicated threads, not the shared pools: they block in read/write.
enum ProcessRunner {
    static func run(_ executable: String, _ arguments: [String], stdin: String? = nil, environment: [String: String],
                    directory: String, timeout: Duration = .seconds(30)) -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        do {
            try process.run()
        } catch {
            return ProcessResult(stdout: "", stderr: "cannot run \(executable): \(error)", exitCode: -1, signalled: false)
        }
        let stdout = PipeDrain(output.fileHandleForReading)
        let stderr = PipeDrain(errors.fileHandleForReading)
        let feeder = input.fileHandleForWriting
        let bytes = Array((stdin ?? "").utf8)
        Thread {
            PipeInput.write(bytes, to: feeder.fileDescriptor)
            try? feeder.close()  // end of input: the program sees EOF
        }.start()

        var timedOut = false
        if exited.wait(timeout: .now() + timeout.timeInterval) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            exited.wait()
        }
        process.waitUntilExit()
        // The pipes reach end-of-file when the program has gone, unless something it started
        // still holds them: bounded, so such a leftover cannot hang the test.
        let out = stdout.collect(timeout: .seconds(5))
        let err = stderr.collect(timeout: .seconds(5))
        return ProcessResult(stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self),
                             exitCode: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
                             timedOut: timedOut)
    }
}

/// Reads a pipe to end-of-file on its own thread.
final class PipeDrain: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var data = Data()

    init(_ handle: FileHandle) {
        Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(handle.fileDescriptor, $0.baseAddress, $0.count) }
                if count > 0 {
                    lock.withLock { data.append(contentsOf: buffer[0..<count]) }
                } else if count < 0 && errno == EINTR {
                    continue
                } else {
                    break
                }
            }
            finished.signal()
        }.start()
    }

    /// Everything read, once end-of-file is reached or `timeout` has passed.
    func collect(timeout: Duration) -> Data {
        _ = finished.wait(timeout: .now() + timeout.timeInterval)
        return lock.withLock { data }
    }
}

extension Duration {
    var timeInterval: TimeInterval {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
