/// The exam's screens as text: the same lines on a pipe and on a terminal (which adds colour and
/// redraws). Pure, so the end-to-end tests compare whole outputs.
public enum ExamRenderer {
    public static func render(_ screen: ExamScreen, style: TextStyle = .plain) -> String {
        switch screen {
        case .item(let item, let position, let total, let kind, let secondsLeft):
            var header = "\(kind == .mock ? "Mock exam" : "Practice") \(position)/\(total)"
            if let secondsLeft { header += " · \(clock(secondsLeft)) left" }
            if kind == .practice { header += " · \(item.template.title)" }
            var lines = [style.bold(header), "", clean(item.stem)]
            for (index, option) in item.options.enumerated() { lines.append("  \(ExamItem.letters[index])) \(clean(option))") }
            return lines.joined(separator: "\n") + "\n"
        case .feedback(let item, let choice):
            let letter = ExamItem.letters[item.keyIndex]
            let chosen = item.options.indices.contains(choice) ? item.options[choice] : ""
            var lines = [choice == item.keyIndex ? style.good("Right: \(letter)) \(clean(item.key)).")
                : style.bad("Wrong: you chose \(ExamItem.letters[min(3, max(0, choice))])) \(clean(chosen)); the answer is \(letter)) \(clean(item.key)).")]
            for (index, line) in item.explanation.enumerated() where index < ExamItem.letters.count { lines.append("  \(ExamItem.letters[index])) \(clean(line))") }
            return lines.joined(separator: "\n") + "\n\n"
        case .message(let text):
            return clean(text) + "\n"
        case .score(let score):
            return scoreLines(score, style: style).joined(separator: "\n") + "\n"
        }
    }

    /// "1:49:30" or "12:05".
    public static func clock(_ seconds: Int) -> String {
        let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return h > 0 ? "\(h):\(two(m)):\(two(s))" : "\(m):\(two(s))"
    }

    static func scoreLines(_ score: ExamScore, style: TextStyle) -> [String] {
        let name = score.kind == .mock ? "Mock exam" : "Practice set"
        let how = switch score.end {
        case .finished: "over"
        case .quit: "ended early"
        case .time: "over: time is up"
        }
        var lines = [style.bold("\(name) \(how)."),
                     "Score: \(score.correct)/\(score.total) correct (\(ExamScore.percent(score.correct, score.total)) %); \(score.answered) answered in \(clock(score.seconds))."]
        if score.kind == .mock {
            lines.append("This mock exam covers muscle content only (kinesiology and anatomy), about a quarter of the MBLEx.")
        }
        guard score.total > 0 else { return lines }
        func table(_ title: String, _ rows: [ExamScore.Line]) {
            lines.append("")
            lines.append(title)
            let width = rows.map(\.name.count).max() ?? 0
            for row in rows {
                lines.append("  " + clean(row.name).padding(toLength: width, withPad: " ", startingAt: 0)
                             + "  \(row.correct)/\(row.total)  \(ExamScore.percent(row.correct, row.total)) %")
            }
        }
        table("By region:", score.byRegion)
        table("By template:", score.byTemplate)
        if score.kind == .mock && !score.missed.isEmpty {
            lines.append("")
            lines.append("Missed:")
            for (item, choice) in score.missed {
                lines.append("- \(clean(item.stem))")
                let chose = choice.flatMap { c in item.options.indices.contains(c) ? "you chose \(ExamItem.letters[c])) \(clean(item.options[c]))" : nil } ?? "not answered"
                lines.append("  \(chose); the answer is \(ExamItem.letters[item.keyIndex])) \(clean(item.key)).")
                if item.explanation.indices.contains(item.keyIndex) { lines.append("  \(clean(item.explanation[item.keyIndex]))") }
                if let choice, choice != item.keyIndex, item.explanation.indices.contains(choice) { lines.append("  \(clean(item.explanation[choice]))") }
            }
        }
        return lines
    }

    /// Deck text reaches the terminal only stripped of control characters.
    static func clean(_ text: String) -> String { TerminalText.sanitize(text) }
}
