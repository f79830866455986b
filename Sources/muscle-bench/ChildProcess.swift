#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Runs this benchmark binary again as a child for one step, so that every figure is a real
/// process's: cold start includes process start, and peak memory is the child's own (wait4).
struct ChildProcess {
    struct Outcome {
        /// Wall time from spawn to the first line the child printed (its "ready" or result line).
        var secondsToFirstLine: Double
        var lines: [String]
        var peakMiB: Double
        var status: Int32
    }

    static var executable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    static func run(_ arguments: [String]) throws -> Outcome {
        let read = try spawnAndRead(executable, arguments)
        var lines = String(decoding: read.output, as: UTF8.self).split(separator: "\n").map(String.init)
        var peak = Double.nan
        if let last = lines.last, last.hasPrefix("peak ") {
            peak = Double(last.dropFirst(5)) ?? .nan
            lines.removeLast()
        }
        return Outcome(secondsToFirstLine: read.secondsToFirstLine, lines: lines, peakMiB: peak, status: read.status)
    }

    /// Starts `executable` with its output on a pipe, reads all of it, and notes when the first
    /// line arrived. With `holdInput`, its input is a pipe held open until that first line, so an
    /// interactive command waits there; `onFirstLine` runs then, with the child still alive.
    static func spawnAndRead(_ executable: String, _ arguments: [String], holdInput: Bool = false,
                             onFirstLine: (pid_t) -> Void = { _ in }) throws -> (secondsToFirstLine: Double, output: [UInt8], status: Int32) {
        var input: [Int32] = [-1, -1], output: [Int32] = [-1, -1]
        guard pipe(&output) == 0, !holdInput || pipe(&input) == 0 else { throw BenchError("pipe failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, output[1], STDOUT_FILENO)
        posix_spawn_file_actions_addclose(&actions, output[0])
        if holdInput {
            posix_spawn_file_actions_adddup2(&actions, input[0], STDIN_FILENO)
            posix_spawn_file_actions_addclose(&actions, input[1])
        }
        var cArgs = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for arg in cArgs { free(arg) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let spawned = posix_spawn(&pid, executable, &actions, nil, &cArgs, environ)
        close(output[1])
        if holdInput { close(input[0]) }
        guard spawned == 0 else {
            close(output[0])
            if holdInput { close(input[1]) }
            throw BenchError("cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        var firstLineAt: UInt64?
        var bytes = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(output[0], $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            bytes += buffer[0..<n]
            if firstLineAt == nil, bytes.contains(0x0A) {
                firstLineAt = DispatchTime.now().uptimeNanoseconds
                onFirstLine(pid)
                if holdInput { close(input[1]); input[1] = -1 }
            }
        }
        if input[1] >= 0 { close(input[1]) }
        close(output[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let end = firstLineAt ?? DispatchTime.now().uptimeNanoseconds
        let exited = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return (Double(end - start) / 1e9, bytes, exited)
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Median, minimum and maximum of repeated measurements.
struct Sample: Codable {
    var median: Double
    var min: Double
    var max: Double
    var runs: Int

    init(_ values: [Double]) {
        let sorted = values.sorted()
        runs = sorted.count
        self.min = sorted.first ?? 0
        self.max = sorted.last ?? 0
        if sorted.isEmpty {
            median = 0
        } else if sorted.count % 2 == 1 {
            median = sorted[sorted.count / 2]
        } else {
            median = (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        }
    }
}
