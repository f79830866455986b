import Foundation
import MuscleMemory

/// The exam on a pipe: one line per answer (a-d, 1-4, q), plain text out, every screen written
/// before the next line is read; end of input ends the exam (what was answered is kept). A mock
/// exam's time limit is kept between lines too.
final class ExamLineTerminal: ExamTerminal {
    private var pending = [UInt8]()
    private var ended = false
    private let ascii: Bool
    private var introduce: Bool
    private let now: () -> Date

    init(ascii: Bool = false, introduce: Bool = false, now: @escaping () -> Date) {
        self.ascii = ascii
        self.introduce = introduce
        self.now = now
    }

    func show(_ screen: ExamScreen) {
        var text = ""
        if introduce {
            introduce = false
            text += "Keys: a-d (or 1-4) answers, q quits, ? shows the keys; each followed by Enter.\n"
        }
        text += ExamRenderer.render(screen)
        Output.out(ascii ? ASCIIText.fold(text) : text)
    }

    func read(deadline: Date?) -> ExamInput? {
        while true {
            if let newline = pending.firstIndex(of: 0x0A) {
                var line = Array(pending[..<newline])
                pending.removeSubrange(...newline)
                if line.last == 0x0D { line.removeLast() }
                return ExamInput.line(String(decoding: line, as: UTF8.self))
            }
            if ended {
                guard !pending.isEmpty else { return nil }
                defer { pending.removeAll() }
                return ExamInput.line(String(decoding: pending, as: UTF8.self))
            }
            if let deadline, now() >= deadline { return .timeUp }
            switch KeyReader.next(tick: deadline != nil) {
            case .bytes(let bytes): pending += bytes
            case .resized, .tick: continue
            case .interrupted: return .quit
            case .endOfInput: ended = true
            }
        }
    }
}

/// The exam on a terminal: single keys, the screen redrawn for each item, a mock exam's clock
/// ticking in the header. The score is printed on the normal screen, so it stays in the scrollback.
final class ExamScreenTerminal: ExamTerminal {
    private let style: TextStyle
    private let ascii: Bool
    private let now: () -> Date
    private var active = false
    private var current: ExamScreen?
    private var status = ""
    private var pending: [UInt8] = []
    private var deadline: Date?

    init(style: TextStyle, ascii: Bool, now: @escaping () -> Date) {
        self.style = style
        self.ascii = ascii
        self.now = now
    }

    func start() -> Bool {
        active = RawMode.enter()
        return active
    }

    func finish() {
        if active { RawMode.leave() }
        active = false
    }

    private func write(_ text: String) { Output.out(ascii ? ASCIIText.fold(text) : text) }

    func show(_ screen: ExamScreen) {
        switch screen {
        case .item:
            current = screen
            redraw()
        case .feedback, .message:
            status = ExamRenderer.render(screen, style: style)
            redraw()
            if case .feedback = screen { waitForKey() }
        case .score:
            finish()
            write(ExamRenderer.render(screen, style: style))
        }
    }

    /// After feedback: the explanation stays until a key is pressed.
    private func waitForKey() {
        status += style.dim("Press any key for the next item.")
        redraw()
        while true {
            if !pending.isEmpty { pending.removeAll(); break }
            switch KeyReader.next() {
            case .bytes: status = ""; return
            case .resized: redraw()
            case .tick: continue
            case .interrupted, .endOfInput: return
            }
        }
        status = ""
    }

    private func withClock(_ screen: ExamScreen) -> ExamScreen {
        guard case .item(let item, let position, let total, let kind, let left) = screen, left != nil, let deadline else { return screen }
        return .item(item, position: position, total: total, kind: kind, secondsLeft: max(0, Int(deadline.timeIntervalSince(now()).rounded(.up))))
    }

    private func redraw() {
        guard active else { return }
        var text = "\u{1B}[H\u{1B}[2J"
        if let current {
            let width = TerminalInfo.width()
            text += ExamRenderer.render(withClock(current), style: style).split(separator: "\n", omittingEmptySubsequences: false)
                .map { DisplayWidth.wrap(String($0), width: width).joined(separator: "\n") }.joined(separator: "\n")
        }
        if !status.isEmpty { text += "\n" + status }
        write(text)
    }

    func read(deadline: Date?) -> ExamInput? {
        if self.deadline == nil, deadline != nil { self.deadline = deadline; redraw() }
        var shownSecond = -1
        while true {
            if !pending.isEmpty {
                let byte = pending.removeFirst()
                if byte == 0x1B { pending.removeAll(); continue }
                if byte == 0x0C { redraw(); continue }
                status = ""
                return ExamInput.key(byte < 0x80 ? Character(Unicode.Scalar(byte)) : "\u{FFFD}")
            }
            if let deadline, now() >= deadline { return .timeUp }
            switch KeyReader.next(tick: true) {
            case .tick:
                if let deadline {
                    let left = Int(deadline.timeIntervalSince(now()).rounded(.up))
                    if left != shownSecond { shownSecond = left; redraw() }
                }
            case .endOfInput: return nil
            case .interrupted: return .quit
            case .resized: redraw()
            case .bytes(let bytes): pending += bytes
            }
        }
    }
}
