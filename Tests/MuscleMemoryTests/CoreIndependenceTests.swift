import Foundation
import Testing
import TestSupport

/// The core (Sources/MuscleMemory) never prints and never reads the clock: time comes in as `now`
/// or `today`, and everything it says comes back as values for the CLI to print. The strongest
/// check short of running it: none of its source (comments aside) names a way to do either.
@Suite("The core never prints and never reads the clock")
struct CoreIndependenceTests {
    static let printing = ["print(", "debugPrint(", "dump(", "NSLog(", "FileHandle.standard", "fputs(", "putchar(", "puts(", "fwrite(",
                           "stdout", "stderr", "STDOUT_FILENO", "STDERR_FILENO"]
    static let clock = ["Date()", "Date.now", "Date(timeIntervalSinceNow", "ContinuousClock", "SuspendingClock", "DispatchTime.now", "DispatchWallTime.now",
                        "CFAbsoluteTimeGetCurrent", "clock_gettime", "gettimeofday", "time(nil", "ProcessInfo.processInfo.systemUptime", "Date.timeIntervalSinceReferenceDate"]

    /// The code of a Swift file without its comments.
    static func code(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix("//") { return "" }
            return line
        }.joined(separator: "\n")
    }

    /// Whether `code` names `token` as a word of its own (`print(` but not `Fingerprint(`).
    static func names(_ code: String, _ token: String) -> Bool {
        var rest = code[...]
        while let range = rest.range(of: token) {
            let before = range.lowerBound == code.startIndex ? nil : code[code.index(before: range.lowerBound)]
            if !(before.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." } ?? false) || token.first == "." { return true }
            rest = rest[range.upperBound...]
        }
        return false
    }

    @Test func theCoreNamesNoWayToPrintOrReadTheClock() {
        let files = repositorySwiftFiles(under: "Sources/MuscleMemory")
        #expect(files.count > 50)
        for (path, text) in files {
            let code = Self.code(text)
            for banned in Self.printing + Self.clock {
                #expect(!Self.names(code, banned), "\(path) uses \(banned)")
            }
        }
    }

    /// The check can fail: it finds what it looks for.
    @Test func theCheckFindsWhatItLooksFor() {
        let sample = "/// print(\"a doc comment is fine\")\nlet started = Date()\nprint(started)\nlet f = DeckFingerprint()\n"
        let code = Self.code(sample)
        #expect(Self.printing.filter { Self.names(code, $0) } == ["print("])
        #expect(Self.clock.filter { Self.names(code, $0) } == ["Date()"])
        #expect(!Self.names("let f = DeckFingerprint(x)", "print("))
    }
}
