#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing

/// Runs a program on a real pseudo-terminal, as a student's terminal would: it gets a controlling
/// tty (a new session, the slave opened after setsid), a window size and TERM, so raw mode, colour,
/// Ctrl-C and resizing behave as they do for a person. The test types keys and reads the screen.
///
/// Spawned with posix_spawn, not forkpty: forking a multithreaded process (the test runner) and
/// running anything but exec in the child can deadlock on locks other threads held.
final class PseudoTerminal {
    let pid: pid_t
    private let master: Int32
    /// The slave side, kept open by the test: reads of the master then never fail with EIO once
    /// the program exits (its last output stays readable), and the terminal settings the program
    /// leaves behind can be read (`terminalIsCooked`).
    private let slave: Int32
    /// Everything the program wrote, as it came.
    private(set) var bytes: [UInt8] = []
    private var exitCode: Int32?

    init(_ executable: String, _ arguments: [String], environment: [String: String], directory: String, columns: UInt16 = 80, rows: UInt16 = 24) throws {
        var masterFD: Int32 = -1, slaveFD: Int32 = -1
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&masterFD, &slaveFD, nil, nil, &size) == 0 else { throw PTYError("openpty failed: \(String(cString: strerror(errno)))") }
        master = masterFD
        slave = slaveFD
        // Not inherited by other programs the test runner starts.
        _ = fcntl(masterFD, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slaveFD, F_SETFD, FD_CLOEXEC)
        var nameBuffer = [CChar](repeating: 0, count: 256)
        guard ttyname_r(slaveFD, &nameBuffer, nameBuffer.count) == 0 else { throw PTYError("ttyname_r failed: \(errno)") }
        let slaveName = String(decoding: nameBuffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // glibc runs setsid before the file actions, and opening a tty (without O_NOCTTY) in a
        // session leader with no terminal makes it the controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slaveName, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        Self.closeEverythingElse(&actions)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A new session (POSIX_SPAWN_SETSID, 0x80: glibc ≥ 2.26, not exported to Swift), with an
        // empty signal mask and default handlers: the test runner's threads may block or ignore
        // signals, and a child would inherit that (no SIGWINCH, no SIGINT).
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
        guard result == 0 else { close(masterFD); close(slaveFD); throw PTYError("posix_spawn failed: \(String(cString: strerror(result)))") }
        pid = child
        _ = fcntl(masterFD, F_SETFL, fcntl(masterFD, F_GETFL) | O_NONBLOCK)
    }

    /// Always kills and reaps the program (and anything in its session's process group), so a
    /// failed test leaves nothing running.
    deinit {
        if exitCode == nil {
            kill(-pid, SIGKILL)
            kill(pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        }
        close(master)
        close(slave)
    }

    // MARK: Typing

    /// Types raw bytes, as the keyboard sends them: "\r" is Enter, " " Space, "\u{03}" Ctrl-C,
    /// "\u{1A}" Ctrl-Z, "\u{1B}[A" the up arrow.
    func send(_ keys: String) {
        var pending = Array(keys.utf8)[...]
        while !pending.isEmpty {
            let written = pending.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if written > 0 {
                pending = pending.dropFirst(written)
            } else if written < 0 && (errno == EAGAIN || errno == EINTR) {
                pump()  // the program's output may be full: read it so it can read our input
                var descriptor = pollfd(fd: master, events: Int16(POLLOUT), revents: 0)
                _ = poll(&descriptor, 1, 50)
            } else {
                return
            }
        }
    }

    /// Resizes the window and tells the program, as a terminal emulator does.
    func resize(columns: UInt16, rows: UInt16) {
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        kill(pid, SIGWINCH)
    }

    // MARK: Reading

    /// All output so far, as written (escape sequences included).
    var raw: String { pump(); return String(decoding: bytes, as: UTF8.self) }
    /// All output so far, escape sequences and carriage returns removed.
    var text: String { ANSI.strip(raw) }
    /// The number of bytes read so far: pass it as `after:` to wait for output that comes later.
    var mark: Int { pump(); return bytes.count }

    /// What is on the screen now, as far as this program draws it: the text after the last
    /// clear-screen or switch between the normal and alternate screens. (No cursor addressing is
    /// emulated: `muscle` redraws from the home position after clearing.)
    var screen: String {
        pump()
        let resets: [[UInt8]] = ["\u{1B}[2J", "\u{1B}[?1049h", "\u{1B}[?1049l"].map { Array($0.utf8) }
        var start = 0
        for reset in resets {
            if let found = Self.lastRange(of: reset, in: bytes), found.upperBound > start { start = found.upperBound }
        }
        return ANSI.strip(String(decoding: bytes[start...], as: UTF8.self))
    }

    /// The last `count` lines of `screen`, trailing blank lines dropped.
    func lastScreenLines(_ count: Int = 24) -> [String] {
        var lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
        return Array(lines.suffix(count))
    }

    /// Reads until the visible text after `offset` bytes contains `needle`. On timeout the test
    /// fails with the screen so far, and the result is false.
    @discardableResult
    func waitFor(_ needle: String, after offset: Int = 0, timeout: Duration = .seconds(10),
                 sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while true {
            pump()
            let tail = ANSI.strip(String(decoding: bytes[min(offset, bytes.count)...], as: UTF8.self))
            if tail.contains(needle) { return true }
            let left = deadline - ContinuousClock.now
            if left <= .zero { break }
            waitForOutput(upTo: left)
        }
        var report = "\"\(needle)\" did not appear within \(timeout); the screen:\n" + lastScreenLines().joined(separator: "\n")
        if offset > 0 {
            report += "\n--- everything after the mark:\n" + ANSI.strip(String(decoding: bytes[min(offset, bytes.count)...], as: UTF8.self))
        }
        Issue.record(Comment(rawValue: report), sourceLocation: sourceLocation)
        return false
    }

    /// Waits for the program to exit: its exit code (128 + the signal number if a signal ended
    /// it), or nil, with a test failure, if it is still running after `timeout`.
    func waitForExit(timeout: Duration = .seconds(10), sourceLocation: SourceLocation = #_sourceLocation) -> Int32? {
        if let exitCode { return exitCode }
        let deadline = ContinuousClock.now + timeout
        repeat {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                pump()
                let code = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
                exitCode = code
                return code
            }
            // No event says "exited" on the master while we hold the slave: short bounded waits.
            waitForOutput(upTo: .milliseconds(5))
        } while ContinuousClock.now < deadline
        Issue.record("the program was still running after \(timeout); the screen:\n\(lastScreenLines().joined(separator: "\n"))",
                     sourceLocation: sourceLocation)
        return nil
    }

    /// Whether the terminal is back in normal (canonical, echoing) mode.
    var terminalIsCooked: Bool {
        var settings = termios()
        guard tcgetattr(slave, &settings) == 0 else { return false }
        return settings.c_lflag & tcflag_t(ICANON) != 0 && settings.c_lflag & tcflag_t(ECHO) != 0
    }

    /// Reads whatever is waiting on the master, without blocking.
    private func pump() {
        var buffer = [UInt8](repeating: 0, count: 8192)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if count > 0 {
                bytes += buffer[0..<count]
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                break
            }
        }
    }

    /// Blocks until output is ready to read or `limit` has passed.
    private func waitForOutput(upTo limit: Duration) {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let milliseconds = max(1, Int32(min(limit, .seconds(1)).timeInterval * 1000))
        _ = poll(&descriptor, 1, milliseconds)
    }

    /// Adds "close every descriptor from 3 up" to the child's file actions. Without it the child
    /// inherits whatever other tests have open at that moment (Foundation's pipes and its
    /// process-exit socket are not close-on-exec), and another test then waits for end-of-file or
    /// for its program's exit until this child has gone.
    private static func closeEverythingElse(_ actions: inout posix_spawn_file_actions_t) {
        // glibc ≥ 2.34; declared only under _GNU_SOURCE, so not visible to Swift: looked up instead.
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        if let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") {
            _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
            return
        }
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd"))?.compactMap { Int32($0) } ?? []
        for fd in open where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
    }

    private static func lastRange(of needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
        guard haystack.count >= needle.count else { return nil }
        for start in stride(from: haystack.count - needle.count, through: 0, by: -1) where haystack[start] == needle[0] {
            if haystack[start..<start + needle.count].elementsEqual(needle) { return start..<start + needle.count }
        }
        return nil
    }
}

struct PTYError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
