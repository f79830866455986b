#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MuscleMemory
import SM2

/// The session on a terminal: raw single key presses, the alternate screen redrawn for each card
/// (and on resize, and after Ctrl-Z), colour unless disabled, text wrapped to the width. The
/// summary is printed on the normal screen after leaving, so it stays in the scrollback.
final class InteractiveTerminal: StudyTerminal {
    private let style: TextStyle
    private var current: StudyScreen?
    private var status: String = ""
    private var active = false
    /// Keys read but not handled yet: several can arrive in one read (fast typing, a paste).
    private var pending: [UInt8] = []
    private let ascii: Bool
    /// Seconds since the session started, by the session's injected clock: the header's clock
    /// ticks while a card is shown.
    private let elapsed: () -> Int
    private var shownElapsed: Int?

    init(style: TextStyle, ascii: Bool = false, elapsed: @escaping () -> Int = { 0 }) {
        self.style = style
        self.ascii = ascii
        self.elapsed = elapsed
    }

    private func write(_ text: String) {
        Output.out(ascii ? ASCIIText.fold(text) : text)
    }

    /// The screen with the header's clock at `seconds`.
    private func withClock(_ screen: StudyScreen, _ seconds: Int) -> StudyScreen {
        switch screen {
        case .front(let card, var header):
            header.elapsedSeconds = seconds
            return .front(card, header: header)
        case .back(let card, var header, let keys, let counts):
            header.elapsedSeconds = seconds
            return .back(card, header: header, keys: keys, counts: counts)
        default:
            return screen
        }
    }

    /// Between keys: when the clock has moved on a second, the header line is drawn again in place
    /// (nothing else on the screen changes).
    private func tick() {
        guard active, let current else { return }
        let now = elapsed()
        guard now != shownElapsed else { return }
        shownElapsed = now
        let text = StudyRenderer.render(withClock(current, now), width: TerminalInfo.width(), style: style, layout: .screen)
        let header = text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
        write("\u{1B}7\u{1B}[H" + header + "\u{1B}[K\u{1B}8")
    }

    func start() -> Bool {
        active = RawMode.enter()
        return active
    }

    func finish() {
        if active { RawMode.leave() }
        active = false
    }

    func show(_ screen: StudyScreen) {
        switch screen {
        case .front:
            // The note about the previous answer stays under the next card's front.
            current = screen
            redraw()
        case .back:
            current = screen
            status = ""
            redraw()
        case .message, .answered:
            status = StudyRenderer.render(screen, width: TerminalInfo.width(), style: style, layout: .screen)
            redraw()
        case .summary:
            finish()
            let width = TerminalInfo.width()
            let text = StudyRenderer.render(screen, width: width, style: .plain, layout: .lines)
            let wrapped = text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { DisplayWidth.wrap(String($0), width: width).joined(separator: "\n") }
                .joined(separator: "\n")
            write(style.colors ? wrapped.replacingOccurrences(of: "Session over", with: style.bold("Session over")) : wrapped)
        }
    }

    private func redraw() {
        guard active else { return }
        let width = TerminalInfo.width()
        var text = "\u{1B}[H\u{1B}[2J"
        if let current {
            let now = elapsed()
            shownElapsed = now
            text += StudyRenderer.render(withClock(current, now), width: width, style: style, layout: .screen)
        }
        if !status.isEmpty { text += "\n" + status }
        // Output post-processing stays on in this raw mode, so the terminal turns "\n" into CR LF.
        write(text)
    }

    /// One key, read as the prompt takes it; at a typing prompt, a line, echoed as it is typed.
    func read(_ prompt: StudyPrompt) -> StudyInput? {
        var typed: [UInt8] = []
        while true {
            if !pending.isEmpty {
                let byte = pending.removeFirst()
                switch byte {
                case 0x1A:  // Ctrl-Z
                    RawMode.suspend()
                    redraw()
                case 0x0C:  // Ctrl-L
                    redraw()
                case 0x1B:  // an escape sequence (arrow keys…): ignored, with the rest of it
                    pending.removeAll()
                default:
                    guard prompt.typing else {
                        // A byte of a multi-byte character is no key any prompt takes.
                        return prompt.input(forKey: byte < 0x80 ? Character(Unicode.Scalar(byte)) : "\u{FFFD}")
                    }
                    switch byte {
                    case 0x0D, 0x0A: return prompt.input(forLine: String(decoding: typed, as: UTF8.self))
                    case 0x03, 0x04: return .quit
                    case 0x7F, 0x08:
                        while let last = typed.popLast(), (0x80...0xBF).contains(last) {}
                    case ..<0x20: break
                    default: typed.append(byte)
                    }
                    status = "> " + TerminalText.sanitize(String(decoding: typed, as: UTF8.self))
                    redraw()
                }
                continue
            }
            switch KeyReader.next(tick: true) {
            case .tick: tick()
            case .endOfInput: return nil
            case .interrupted: return .quit
            case .resized: redraw()
            case .bytes(let bytes): pending += bytes
            }
        }
    }
}

import Foundation
