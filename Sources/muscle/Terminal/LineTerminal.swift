import Foundation
import MuscleMemory

/// The session on a pipe: one line per answer, read as the prompt takes it (an empty line reveals,
/// a digit grades, `u`, `e`, `s`, `q`), plain text out, every screen written before the next line
/// is read. End of input ends the session cleanly.
final class LineTerminal: StudyTerminal {
    private var pending = [UInt8]()
    private var ended = false

    func show(_ screen: StudyScreen) {
        Output.out(StudyRenderer.render(screen, width: 80, style: .plain, layout: .lines))
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
            case .resized: continue
            case .interrupted: return "q"
            case .endOfInput: ended = true
            }
        }
    }
}

import SM2
