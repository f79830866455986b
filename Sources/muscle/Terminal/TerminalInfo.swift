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

    /// Columns of the terminal, else $COLUMNS, else 80.
    static func width(fd: Int32 = STDOUT_FILENO) -> Int {
        var size = winsize()
        if ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return 80
    }
}

/// Writes to standard output or error without Foundation's buffering surprises.
enum Output {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
