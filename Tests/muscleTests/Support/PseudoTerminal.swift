#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Runs a program on a real pseudo-terminal, as a student's terminal would: it gets a
/// controlling tty (new session, slave opened after setsid), a window size and TERM, so raw mode,
/// colour and resizing behave as they do for a person. The test types keys and reads the screen.
final class PseudoTerminal {
    let pid: pid_t
    private let master: Int32
    /// The slave side, kept open so the test can read the terminal settings the program leaves.
    private let slave: Int32
    private(set) var bytes: [UInt8] = []
    private var exitStatus: Int32?

    init(_ executable: String, _ arguments: [String], environment: [String: String], directory: String, columns: UInt16 = 80, rows: UInt16 = 24) throws {
        var masterFD: Int32 = -1, slaveFD: Int32 = -1
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&masterFD, &slaveFD, nil, nil, &size) == 0 else { throw PTYError("openpty failed: \(errno)") }
        master = masterFD
        slave = slaveFD
        var nameBuffer = [CChar](repeating: 0, count: 256)
        guard ttyname_r(slaveFD, &nameBuffer, nameBuffer.count) == 0 else { throw PTYError("ttyname_r failed: \(errno)") }
        let slaveName = String(decoding: nameBuffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // After setsid, opening the slave (without O_NOCTTY) makes it the controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slaveName, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        posix_spawn_file_actions_addclose(&actions, masterFD)
        posix_spawn_file_actions_addclose(&actions, slaveFD)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A new session (POSIX_SPAWN_SETSID, 0x80: glibc ≥ 2.26, not exported to Swift), with an empty
        // signal mask and default handlers: the test runner's threads block signals, and a child
        // would inherit that (no SIGWINCH, no SIGINT).
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGTSTP, SIGCONT, SIGPIPE, SIGQUIT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(0x80 | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        // `env -C` sets the working folder (glibc's addchdir_np is not exported to Swift either).
        let argv = ["/usr/bin/env", "-C", directory, executable] + arguments
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { for arg in cArgs { free(arg) } }
        var env = environment.merging(["TERM": "xterm-256color"]) { old, _ in old }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for entry in env { free(entry) } }
        var child: pid_t = 0
        let result = posix_spawn(&child, "/usr/bin/env", &actions, &attributes, &cArgs, &env)
        guard result == 0 else { close(masterFD); close(slaveFD); throw PTYError("posix_spawn failed: \(result)") }
        pid = child
        let flags = fcntl(masterFD, F_GETFL)
        _ = fcntl(masterFD, F_SETFL, flags | O_NONBLOCK)
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
        close(slave)
    }

    /// Types raw bytes: "\r" is Enter, "\u{03}" Ctrl-C, "\u{1A}" Ctrl-Z.
    func send(_ keys: String) {
        _ = keys.withCString { write(master, $0, strlen($0)) }
    }

    /// Everything shown so far, escape sequences removed.
    var text: String { ANSI.strip(String(decoding: bytes, as: UTF8.self)) }
    var raw: String { String(decoding: bytes, as: UTF8.self) }

    /// Reads until the visible text after `offset` bytes contains `needle`.
    @discardableResult
    func waitFor(_ needle: String, after offset: Int = 0, timeout: TimeInterval = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            pump()
            let tail = ANSI.strip(String(decoding: bytes.suffix(from: min(offset, bytes.count)), as: UTF8.self))
            if tail.contains(needle) { return true }
            usleep(5_000)
        } while Date() < deadline
        return false
    }

    /// Reads whatever is waiting on the master.
    func pump() {
        var buffer = [UInt8](repeating: 0, count: 8192)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
    }

    var mark: Int { pump(); return bytes.count }

    func resize(columns: UInt16, rows: UInt16) {
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        kill(pid, SIGWINCH)
    }

    /// Waits for the program to exit; its exit code, or nil on timeout.
    func waitForExit(timeout: TimeInterval = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            pump()
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                pump()
                let code = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
                exitStatus = code
                return code
            }
            usleep(5_000)
        } while Date() < deadline
        return nil
    }

    /// Whether the terminal is back in normal (canonical, echoing) mode.
    var terminalIsCooked: Bool {
        var settings = termios()
        guard tcgetattr(slave, &settings) == 0 else { return false }
        return settings.c_lflag & tcflag_t(ICANON) != 0 && settings.c_lflag & tcflag_t(ECHO) != 0
    }
}

struct PTYError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

enum ANSI {
    /// Removes CSI and OSC escape sequences and carriage returns.
    static func strip(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var iterator = text.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            if scalar == "\u{1B}" {
                guard let kind = iterator.next() else { break }
                if kind == "[" {
                    while let s = iterator.next(), !(0x40...0x7E).contains(s.value) {}
                } else if kind == "]" {
                    while let s = iterator.next(), s != "\u{07}" {}
                }
                continue
            }
            if scalar == "\r" { continue }
            out.append(scalar)
        }
        return String(out)
    }

    static func hasColour(_ text: String) -> Bool { text.contains("\u{1B}[") && text.contains("m") && text.range(of: "\u{1B}\\[[0-9;]*m", options: .regularExpression) != nil }
}
