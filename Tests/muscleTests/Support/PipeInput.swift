#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Writing to a child's standard input when the child may already have gone.
///
/// The test runner does not ignore SIGPIPE, so a plain write to a pipe whose reader has exited
/// kills the whole test run (and Foundation's `FileHandle.write` traps on EPIPE when it is ignored).
/// SIGPIPE for a write is sent to the writing thread, so blocking it on this thread for the
/// duration turns it into an EPIPE result, and the pending signal is taken before unblocking.
enum PipeInput {
    /// Writes all of `bytes`; false when the reader has gone (or another error) before the end.
    @discardableResult
    static func write(_ bytes: [UInt8], to fd: Int32) -> Bool {
        var brokenPipe = sigset_t()
        sigemptyset(&brokenPipe)
        sigaddset(&brokenPipe, SIGPIPE)
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &brokenPipe, &previous)
        defer {
            var now = timespec(tv_sec: 0, tv_nsec: 0)
            while sigtimedwait(&brokenPipe, nil, &now) == SIGPIPE {}
            pthread_sigmask(SIG_SETMASK, &previous, nil)
        }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                return false
            }
        }
        return true
    }
}
