#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The terminal settings to restore, kept where a signal handler can reach them.
nonisolated(unsafe) private var savedSettings = termios()
nonisolated(unsafe) private var rawModeActive: sig_atomic_t = 0
/// Set by SIGWINCH; the key reader redraws when it sees it.
nonisolated(unsafe) var terminalResized: sig_atomic_t = 0
/// Set by SIGINT/SIGTERM/SIGHUP: the session ends cleanly at the next read.
nonisolated(unsafe) var interruptRequested: sig_atomic_t = 0

/// Leaves the alternate screen, shows the cursor and restores the saved settings. Only
/// async-signal-safe calls, so the crash handlers can use it too.
private func restoreTerminal() {
    guard rawModeActive != 0 else { return }
    rawModeActive = 0
    let reset = "\u{1B}[?1049l\u{1B}[?25h"
    _ = reset.withCString { write(STDOUT_FILENO, $0, strlen($0)) }
    _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &savedSettings)
}

/// Raw single-key input on a terminal, with the terminal always given back as it was: on a normal
/// exit, on Ctrl-C (which arrives as a key), on SIGTERM/SIGHUP, and on crash signals (the handler
/// restores, then lets the signal do what it would have done).
enum RawMode {
    static func enter() -> Bool {
        guard tcgetattr(STDIN_FILENO, &savedSettings) == 0 else { return false }
        var raw = savedSettings
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG | IEXTEN)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL | BRKINT | INPCK | ISTRIP)
        setControlCharacters(&raw)
        guard tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw) == 0 else { return false }
        rawModeActive = 1
        installHandlers()
        let enter = "\u{1B}[?1049h\u{1B}[?25l"
        _ = enter.withCString { write(STDOUT_FILENO, $0, strlen($0)) }
        return true
    }

    static func leave() {
        restoreTerminal()
    }

    /// Ctrl-Z: give the terminal back, stop, and take it again when the shell resumes us.
    static func suspend() {
        restoreTerminal()
        kill(getpid(), SIGTSTP)
        _ = enter()
    }

    private static func setControlCharacters(_ settings: inout termios) {
        withUnsafeMutableBytes(of: &settings.c_cc) { bytes in
            bytes[Int(VMIN)] = 1
            bytes[Int(VTIME)] = 0
        }
    }

    nonisolated(unsafe) private static var installed = false

    private static func installHandlers() {
        guard !installed else { return }
        installed = true
        // A parent may have started us with these blocked: resize and interrupts must reach us.
        var wanted = sigset_t()
        sigemptyset(&wanted)
        for number in [SIGWINCH, SIGINT, SIGTERM, SIGHUP, SIGCONT, SIGTSTP] { sigaddset(&wanted, number) }
        pthread_sigmask(SIG_UNBLOCK, &wanted, nil)
        atexit { restoreTerminal() }
        signal(SIGWINCH) { _ in terminalResized = 1 }
        for quit in [SIGINT, SIGTERM, SIGHUP] {
            signal(quit) { _ in interruptRequested = 1 }
        }
        for crash in [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGQUIT, SIGTRAP] {
            signal(crash) { number in
                restoreTerminal()
                signal(number, SIG_DFL)
                raise(number)
            }
        }
    }
}
