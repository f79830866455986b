import Foundation
import MuscleMemory

/// The session on a pipe: one line per answer, read as the prompt takes it (an empty line reveals,
/// a digit grades, `u`, `e`, `s`, `q`), plain text out, every screen written before the next line
/// is read. End of input ends the session cleanly.
///
/// On a terminal (`--plain`, `TERM=dumb`) it is the layout for screen readers: nothing is redrawn
/// or erased, each event is one labelled line, and the keys are named once at the start.
final class LineTerminal: StudyTerminal {
    private var pending = [UInt8]()
    private var ended = false
    private let ascii: Bool
    private var introduce: Bool
    /// `study --type`: the introduction says how typed answers go.
    private let typing: Bool

    /// - Parameters:
    ///   - ascii: fold the output to ASCII (`--no-unicode`).
    ///   - introduce: name the keys before the first card (a person at a terminal, not a script).
    init(ascii: Bool = false, introduce: Bool = false, typing: Bool = false) {
        self.ascii = ascii
        self.introduce = introduce
        self.typing = typing
    }

    func show(_ screen: StudyScreen) {
        var text = ""
        if introduce {
            introduce = false
            text += "Keys: Enter shows the answer, 0-5 grades it (0 blackout to 5 perfect), u undoes, s skips, e shows the source, q quits, ? lists every key; each followed by Enter.\n"
            if typing { text += "Typed answers: type the answer, then Enter accepts the proposed grade or 0-5 changes it; an empty answer shows it.\n" }
        }
        text += StudyRenderer.render(screen, width: 80, style: .plain, layout: .lines)
        Output.out(ascii ? ASCIIText.fold(text) : text)
    }

    /// One line, read as the prompt takes it (`StudyPrompt.input(forLine:)`).
    func read(_ prompt: StudyPrompt) -> StudyInput? {
        guard let line = nextLine() else { return nil }
        return prompt.input(forLine: line)
    }

    private func nextLine() -> String? {
        while true {
            if let newline = pending.firstIndex(of: 0x0A) {
                var line = Array(pending[..<newline])
                pending.removeSubrange(...newline)
                if line.last == 0x0D { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            if ended {
                guard !pending.isEmpty else { return nil }
                defer { pending.removeAll() }
                return String(decoding: pending, as: UTF8.self)
            }
            switch KeyReader.next() {
            case .bytes(let bytes): pending += bytes
            case .resized, .tick: continue
            case .interrupted: return "q"
            case .endOfInput: ended = true
            }
        }
    }
}

import SM2
