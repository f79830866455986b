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
        var pipe: [Int32] = [0, 0]
        guard Glibc.pipe(&pipe) == 0 else { throw BenchError("pipe failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipe[1], STDOUT_FILENO)
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        let argv = [executable] + arguments
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { for arg in cArgs { free(arg) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let spawned = posix_spawn(&pid, executable, &actions, nil, &cArgs, environ)
        close(pipe[1])
        guard spawned == 0 else { close(pipe[0]); throw BenchError("cannot start \(executable): \(String(cString: strerror(spawned)))") }
        var firstLineAt: UInt64?
        var output = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(pipe[0], $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            output += buffer[0..<n]
            if firstLineAt == nil, output.contains(0x0A) { firstLineAt = DispatchTime.now().uptimeNanoseconds }
        }
        close(pipe[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let end = firstLineAt ?? DispatchTime.now().uptimeNanoseconds
        let exited = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        var lines = String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
        var peak = Double.nan
        if let last = lines.last, last.hasPrefix("peak ") {
            peak = Double(last.dropFirst(5)) ?? .nan
            lines.removeLast()
        }
        return Outcome(secondsToFirstLine: Double(end - start) / 1e9, lines: lines, peakMiB: peak, status: exited)
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
