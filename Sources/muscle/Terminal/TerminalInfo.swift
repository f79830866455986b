#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import MuscleMemory

/// What the output is connected to: a terminal (colour, width) or a pipe (plain text).
enum TerminalInfo {
    static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// Colour only on a terminal, never with NO_COLOR set (https://no-color.org) or TERM=dumb.
    static func colors(fd: Int32 = STDOUT_FILENO, disabled: Bool = false) -> Bool {
        let env = ProcessInfo.processInfo.environment
        if disabled || env["NO_COLOR"].map({ !$0.isEmpty }) == true || env["TERM"] == "dumb" { return false }
        return isTerminal(fd)
    }

    static func style(fd: Int32 = STDOUT_FILENO, disabled: Bool = false) -> TextStyle {
        TextStyle(colors: colors(fd: fd, disabled: disabled))
    }

    /// Columns of the terminal, else $COLUMNS (1 to 1,000; another value is ignored, so a stray
    /// COLUMNS=4611686018427387894 cannot ask for lines of that width), else 80.
    static func width(fd: Int32 = STDOUT_FILENO) -> Int {
        var size = winsize()
        if ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), (1...1_000).contains(columns) { return columns }
        return 80
    }
}

/// Writes to standard output or error with `write(2)`. Foundation's `FileHandle.write` traps when a
/// write fails, so `muscle cards > /dev/full` would crash; here a failed write to standard output is
/// one line on standard error and exit code 74 (EX_IOERR), and a reader that went away (`| head`)
/// ends the program quietly, as it does for any Unix filter. Every answer is committed before the
/// next card is printed, so stopping here never loses one.
enum Output {
    static func out(_ text: String) {
        if let failure = write(text, to: STDOUT_FILENO) {
            if failure == EPIPE { exit(0) }
            _ = write("muscle: error: cannot write to standard output: \(String(cString: strerror(failure))).\n", to: STDERR_FILENO)
            exit(74)
        }
    }

    static func err(_ text: String) {
        _ = write(text, to: STDERR_FILENO)
    }

    /// `muscle: error: …` on standard error. The message often holds a path or a value the user
    /// typed, so it is escaped here, at the last step: a folder named with an escape sequence is
    /// shown as `\x1B]0;…` and cannot retitle the terminal or hide the rest of the line.
    static func error(_ message: String) {
        err("muscle: error: \(TerminalText.escape(message))\n")
    }

    /// `muscle: note: …` on standard error, escaped as `error` is.
    static func note(_ message: String) {
        err("muscle: note: \(TerminalText.escape(message))\n")
    }

    /// `muscle: warning: …` on standard error, escaped as `error` is.
    static func warning(_ message: String) {
        err("muscle: warning: \(TerminalText.escape(message))\n")
    }

    /// Writes all of `text`, retrying on EINTR and short writes; the errno of a failure, else nil.
    private static func write(_ text: String, to fd: Int32) -> Int32? {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { raw in
                systemWrite(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += count
        }
        return nil
    }
}

/// `write(2)`, named apart from `Output.write`.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(fd, buffer, count)
    #else
    Darwin.write(fd, buffer, count)
    #endif
}
