#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads standard input without blocking forever, so that a resize or an interrupt between keys
/// is noticed at once.
enum KeyReader {
    enum Event: Equatable {
        case bytes([UInt8])
        case resized
        case interrupted
        case endOfInput
        /// No key within the poll's 200 ms (only when asked for, to redraw a ticking clock).
        case tick
    }

    static func next(tick: Bool = false) -> Event {
        while true {
            if interruptRequested != 0 { return .interrupted }
            if terminalResized != 0 {
                terminalResized = 0
                return .resized
            }
            var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, 200)
            if ready < 0 {
                if errno == EINTR { continue }
                return .endOfInput
            }
            if ready == 0 {
                if tick { return .tick }
                continue
            }
            var buffer = [UInt8](repeating: 0, count: 64)
            let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return .endOfInput
            }
            if count == 0 { return .endOfInput }
            return .bytes(Array(buffer.prefix(count)))
        }
    }
}
