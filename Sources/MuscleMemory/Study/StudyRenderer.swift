import SM2

/// Turns a `StudyScreen` into text: a full screen for a terminal (wrapped to its width, with
/// colour when the style allows), or plain lines for a pipe. Deck text is sanitized here, at the
/// last step before the terminal, so no deck can move the cursor or recolour the screen.
public enum StudyRenderer {
    public enum Layout: Sendable {
        /// Redrawn screens, for an interactive terminal.
        case screen
        /// Append-only lines, for pipes and scripts.
        case lines
    }

    public static func render(_ screen: StudyScreen, width: Int, style: TextStyle, layout: Layout) -> String {
        let width = max(width, 20)
        switch (screen, layout) {
        case (.front(let card, let header), .screen):
            return frame(header, card, width: width, style: style) + "\n" + wrap(card.front, width, indent: 2) + "\n\n" + legend(card.typing ? .typed : .front, width, style)
        case (.back(let card, let header, let keys, let counts), .screen):
            var out = frame(header, card, width: width, style: style) + "\n" + wrap(card.front, width, indent: 2) + "\n\n"
            out += style.dim(String(repeating: "─", count: width)) + "\n"
            out += style.bold(wrap(card.back, width, indent: 2)) + "\n\n"
            if let typed = card.typed {
                out += typedBlock(typed, width: width, style: style) + "\n\n"
            }
            out += gradeKeys(keys, counts: counts, width: width, style: style) + "\n"
            out += legend(card.typed.map { .proposing($0.proposed) } ?? .back, width, style)
            return out
        case (.front(let card, let header), .lines):
            return headerLine(header, card) + "\n" + "Q: " + clean(card.front) + "\n"
                + (card.typing ? "Type the answer (an empty line shows it):\n" : "")
        case (.back(let card, _, let keys, let counts), .lines):
            let labels = counts
                ? keys.map { "\($0.grade.rawValue) \($0.grade.label) \(shortInterval($0.interval))" }.joined(separator: " · ")
                : keys.map { "\($0.grade.rawValue) \($0.grade.label)" }.joined(separator: " · ") + " (does not change the schedule)"
            var comparison = ""
            if let typed = card.typed {
                comparison = "You typed: " + clean(typed.typed) + "\n" + typed.details.map { "  " + clean($0) + "\n" }.joined()
                    + verdictLine(typed, accept: "an empty line") + "\n"
            }
            return "A: " + clean(card.back) + "\n" + comparison + "Grade 0-5: " + labels + "\n"
        case (.message(let text), .screen):
            // Wrapped at words to the width, each line painted on its own (a colour never spans a
            // line break).
            // A line that fits is kept as it is (the key list lines its meanings up with spaces).
            let lines = clean(text).split(separator: "\n", omittingEmptySubsequences: false).flatMap { line in
                DisplayWidth.of(String(line)) <= width ? [String(line)] : DisplayWidth.wrap(String(line), width: width)
            }
            return lines.map { style.accent($0) }.joined(separator: "\n") + "\n"
        case (.message(let text), .lines):
            return clean(text) + "\n"
        case (.answered(let note), .screen):
            let good = note.grade.isCorrect
            let lines = DisplayWidth.wrap(answered(note, style: .plain), width: width)
            return lines.map { good ? style.good($0) : style.bad($0) }.joined(separator: "\n") + "\n"
        case (.answered(let note), .lines):
            return answered(note, style: .plain) + "\n"
        case (.summary(let summary), _):
            return self.summary(summary, style: layout == .screen ? style : .plain)
        }
    }

    /// The comparison under a typed card's answer: what was typed, each item's match, the verdict
    /// and the proposed grade, each line painted on its own (a colour never spans a line break).
    static func typedBlock(_ typed: TypedComparison, width: Int, style: TextStyle) -> String {
        var lines = DisplayWidth.wrap(clean("You typed: " + typed.typed), width: width - 2).map { "  " + $0 }
        for detail in typed.details {
            lines += DisplayWidth.wrap(clean(detail), width: width - 4).map { style.dim("    " + $0) }
        }
        for line in DisplayWidth.wrap(verdictLine(typed, accept: "Enter"), width: width - 2) {
            switch typed.verdict {
            case .wrong: lines.append(style.bad("  " + line))
            case .partial: lines.append(style.accent("  " + line))
            case .exact, .synonym, .typo: lines.append(style.good("  " + line))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// "Wrong: proposed grade 1 wrong, familiar (Enter accepts it, 0-5 changes it)."
    static func verdictLine(_ typed: TypedComparison, accept: String) -> String {
        let verdict = switch typed.verdict {
        case .exact: "Right"
        case .synonym: "Right, with a synonym"
        case .typo: "Right, a typo forgiven"
        case .partial: "Partly right"
        case .wrong: "Wrong"
        }
        return "\(verdict): proposed grade \(typed.proposed.rawValue) \(typed.proposed.label) (\(accept) accepts it, 0-5 changes it)."
    }

    static func headerLine(_ header: StudyHeader, _ card: StudyCardView) -> String {
        "[due \(header.due) · new \(header.new) · re-drill \(header.redrill)] \(card.aspect.title) · \(clean(card.region.isEmpty ? "no region" : card.region)) (\(card.reason.rawValue))"
    }

    /// The header: cards left and the position ("card 7 of 31") with the session clock, a thin
    /// progress bar across the width, then the card's aspect, region and why it is shown.
    static func frame(_ header: StudyHeader, _ card: StudyCardView, width: Int, style: TextStyle) -> String {
        let left = "Due \(header.due) · New \(header.new) · Re-drill \(header.redrill)"
        let right = "card \(header.position) of \(header.total) · " + clock(header.elapsedSeconds)
        let shortRight = "\(header.position)/\(header.total) " + clock(header.elapsedSeconds)
        let fits = DisplayWidth.of(left) + 1 + DisplayWidth.of(right) <= width
        let shownRight = fits ? right : shortRight
        let shownLeft = DisplayWidth.truncate(left, to: max(1, width - DisplayWidth.of(shownRight) - 1))
        let gap = max(1, width - DisplayWidth.of(shownLeft) - DisplayWidth.of(shownRight))
        let title = "\(card.aspect.title) · \(clean(card.region.isEmpty ? "no region" : card.region))"
        let tag = "[\(card.reason.rawValue)]"
        let titleGap = max(1, width - DisplayWidth.of(title) - DisplayWidth.of(tag))
        return style.bold(shownLeft) + String(repeating: " ", count: gap) + style.dim(shownRight) + "\n"
            + progressBar(done: header.answered, total: header.total, width: width, style: style) + "\n"
            + style.accent(DisplayWidth.truncate(title, to: width - DisplayWidth.of(tag) - 1)) + String(repeating: " ", count: titleGap) + style.dim(tag) + "\n"
    }

    /// A thin bar: "━" for the share of the session done, "─" for the rest.
    static func progressBar(done: Int, total: Int, width: Int, style: TextStyle) -> String {
        let filled = total > 0 ? min(width, max(0, Int((Double(done) / Double(total) * Double(width)).rounded(.down)))) : 0
        return style.accent(String(repeating: "━", count: filled)) + style.dim(String(repeating: "─", count: width - filled))
    }

    /// The keys under a card: in full when they fit on one line, else in short words, else in
    /// short words over as many lines as they need. Never cut: every key the prompt takes is shown.
    static func legend(_ prompt: StudyPrompt, _ width: Int, _ style: TextStyle) -> String {
        let items = prompt.keyItems
        let full = items.map(\.text).joined(separator: " · ")
        if DisplayWidth.of(full) <= width { return style.dim(full) }
        let short = items.map(\.shortText)
        if DisplayWidth.of(short.joined(separator: " · ")) <= width { return style.dim(short.joined(separator: " · ")) }
        var lines: [String] = []
        var line = ""
        for item in short {
            let next = line.isEmpty ? item : line + " · " + item
            if !line.isEmpty && DisplayWidth.of(next) > width {
                lines.append(line)
                line = item
            } else {
                line = next
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.map { style.dim($0) }.joined(separator: "\n")
    }

    static func gradeKeys(_ keys: [GradeKey], counts: Bool, width: Int, style: TextStyle) -> String {
        let cells = keys.map { key -> (String, String) in
            let label = "\(key.grade.rawValue) \(key.grade.label)"
            return (label, counts ? shortInterval(key.interval) : "")
        }
        var lines: [String] = []
        var line = ""
        var used = 0
        for (label, interval) in cells {
            let text = interval.isEmpty ? label : "\(label) \(interval)"
            let w = DisplayWidth.of(text) + 3
            if used > 0 && used + w > width {
                lines.append(line)
                line = ""
                used = 0
            }
            let painted = style.bold(label) + (interval.isEmpty ? "" : " " + style.dim(interval))
            line += (used == 0 ? "" : "   ") + painted
            used += w
        }
        if !line.isEmpty { lines.append(line) }
        if !counts { lines.append(style.dim("(a re-drill or cram answer: the schedule does not change)")) }
        return lines.joined(separator: "\n")
    }

    static func answered(_ note: AnswerNote, style: TextStyle) -> String {
        var text = "→ \(note.grade.rawValue) \(note.grade.label)"
        switch note.kind {
        case .review:
            if let due = note.nextDue { text += ": next review in \(shortInterval(note.interval)) (\(due))" }
        case .redrill: text += note.redrill ? ": re-drill" : ": re-drill passed, done for today"
        case .cram: text += ": practice (schedule unchanged)"
        }
        if note.redrill { text += "; it comes back later today" }
        return note.grade.isCorrect ? style.good(text) : style.bad(text)
    }

    static func summary(_ s: SessionSummary, style: TextStyle) -> String {
        var out = style.bold(s.mode == .cram ? "Cram session over" : "Session over") + ": \(s.answers) answer\(s.answers == 1 ? "" : "s") on \(s.cards) card\(s.cards == 1 ? "" : "s")"
        if s.counted > 0 {
            let share = Int((Double(s.correct) / Double(s.counted) * 100).rounded())
            out += "; \(s.correct) of \(s.counted) first answers correct (\(share)%)"
        }
        out += "; time \(clock(s.seconds)).\n"
        let left = s.left.due + s.left.new + s.left.redrill
        if left > 0 {
            out += "Left for today: \(s.left.due) due, \(s.left.new) new, \(s.left.redrill) re-drill.\n"
        }
        out += "Tomorrow: \(s.dueTomorrow) card\(s.dueTomorrow == 1 ? "" : "s") due. Study streak: \(s.streak) day\(s.streak == 1 ? "" : "s").\n"
        if let weak = s.weakest {
            out += "Weakest today: \(clean(weak.muscle)), \(weak.missed) of \(weak.answered) first answer\(weak.answered == 1 ? "" : "s") missed. Drill it again: "
                + clean(ShellQuote.command(["muscle", "study"] + ShellQuote.option("--muscle", weak.muscleKey) + ["--cram"])) + "\n"
        }
        return out
    }

    static func hint(_ text: String, _ width: Int, _ style: TextStyle) -> String {
        style.dim(DisplayWidth.truncate(text, to: width))
    }

    static func wrap(_ text: String, _ width: Int, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        return DisplayWidth.wrap(clean(text), width: width - indent).map { pad + $0 }.joined(separator: "\n")
    }

    static func clean(_ text: String) -> String { TerminalText.sanitize(text) }

    /// "3:07", "1:02:03".
    static func clock(_ seconds: Int) -> String {
        let s = max(0, seconds)
        let (h, m, r) = (s / 3600, (s % 3600) / 60, s % 60)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return h > 0 ? "\(h):\(two(m)):\(two(r))" : "\(m):\(two(r))"
    }
}
