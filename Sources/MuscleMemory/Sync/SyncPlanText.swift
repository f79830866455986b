/// `muscle sync --dry-run`'s words: every change of every deck, card by card, with its ID, why it
/// changes, and the text before and after an update or a rewording.
public enum SyncPlanText {
    /// - Parameter folder: the working folder; paths under it are printed relative to it, as
    ///   `muscle lint` and `muscle sync` print them.
    public static func text(_ plan: SyncPlan, style: TextStyle = .plain, relativeTo folder: String? = nil) -> String {
        if plan.wasRefused { return SyncSummary.refusal(plan.refusedBecause, style: style, relativeTo: folder) }
        var out = ""
        for deck in plan.decks {
            let name = SyncSummary.name(deck.deck, title: deck.title)
            if deck.changes.isEmpty {
                out += "\(name): no changes.\n"
                continue
            }
            let counts = CardChange.Kind.allCases.compactMap { kind -> String? in
                let n = deck.count(kind)
                return n == 0 ? nil : "\(n) to \(verb(kind))" + (kind == .reworded ? " (history kept)" : "")
            }
            out += "\(name): " + counts.joined(separator: ", ") + ".\n"
            for change in deck.changes {
                let id = change.previousID.map { "\($0) → \(change.id)" } ?? change.id.rawValue
                out += "  " + style.bold(pad(verb(change.kind), 9)) + clean(id) + "  " + style.dim(clean(relative(change.why, folder))) + "\n"
                for (part, old, new) in differences(change) {
                    out += "           \(part): \(clean(old)) → \(clean(new))\n"
                }
            }
            for file in deck.filesWithRetiredAndAdded {
                out += style.dim("  hint: \(clean(SyncSummary.relative(file, to: folder))): cards would be retired and others added. If they are the same cards reworded, pin their identity with 'Id:' lines (see Decks/FORMAT.md) to keep their history.") + "\n"
            }
        }
        out += SyncSummary.warnings(plan.warnings)
        out += "Dry run: nothing was written. Run the same command without --dry-run to apply these changes.\n"
        return out
    }

    /// More changes of one kind than this in one deck are one line of counts, not a card each.
    public static let listLimit = 50

    /// `muscle sync`'s words once a plan is applied: for each deck, what changed card by card (the
    /// ID, why, the old and new text of an update or a rewording), the exact `Id:` line that would
    /// bring back the history of a card that lost it, then the counts. A deck's first sync, and
    /// any kind of change with more than `listLimit` cards, is counted per muscle rather than
    /// listed (the bundled curriculum's first sync adds 1347 cards: `muscle cards` lists them).
    public static func applied(_ plan: SyncPlan, style: TextStyle = .plain, relativeTo folder: String? = nil) -> String {
        if plan.wasRefused { return SyncSummary.refusal(plan.refusedBecause, style: style, relativeTo: folder) }
        var out = ""
        for deck in plan.decks {
            let report = deck.report
            let name = SyncSummary.name(deck.deck, title: deck.title)
            if deck.unchanged || report.changed == 0 {
                out += "\(name): no changes.\n"
                continue
            }
            let isFirstSync = deck.deckRowID == nil
            let changes = deck.changes.filter { $0.kind != .moved }
            for kind in CardChange.Kind.allCases where kind != .moved {
                let ofKind = changes.filter { $0.kind == kind }
                if ofKind.isEmpty { continue }
                if isFirstSync || (ofKind.count > listLimit && kind != .reworded) {
                    if isFirstSync { continue }
                    let muscles = Set(ofKind.map { $0.id.rawValue.split(separator: "/").first.map(String.init) ?? "" }).count
                    out += "  " + style.bold(pad(pastTense(kind), 10)) + "\(ofKind.count) cards of \(muscles) muscle\(muscles == 1 ? "" : "s") (`muscle cards` lists them)\n"
                    continue
                }
                for change in ofKind {
                    let id = change.previousID.map { "\($0) → \(change.id)" } ?? change.id.rawValue
                    out += "  " + style.bold(pad(pastTense(change.kind), 10)) + clean(id) + "  " + style.dim(clean(relative(change.why, folder))) + "\n"
                    for (part, old, new) in differences(change) {
                        out += "            \(part): \(clean(old)) → \(clean(new))\n"
                    }
                }
            }
            let hints = deck.historyHints
            for hint in hints {
                let place = "\(clean(SyncSummary.relative(hint.file, to: folder))):\(hint.line)"
                out += style.dim("  hint: \(clean(hint.retired.rawValue)) lost its history to \(clean(hint.added.rawValue)); to keep it, write this line \(hint.placement) at \(place) and sync again:") + "\n"
                out += "        \(clean(hint.idLine))\n"
            }
            let hinted = Set(hints.map(\.file))
            for file in deck.filesWithRetiredAndAdded where !hinted.contains(file) {
                out += style.dim("  hint: \(clean(SyncSummary.relative(file, to: folder))): cards were retired and others added. If they are the same cards reworded, pin their identity with 'Id:' lines (see Decks/FORMAT.md) and sync again to keep their history.") + "\n"
            }
            out += SyncSummary.counts(report, name: name)
        }
        out += SyncSummary.warnings(plan.warnings)
        return out
    }

    static func pastTense(_ kind: CardChange.Kind) -> String {
        switch kind {
        case .added: "added"
        case .updated: "updated"
        case .reworded: "reworded"
        case .retired: "retired"
        case .restored: "restored"
        case .moved: "moved"
        }
    }

    static func verb(_ kind: CardChange.Kind) -> String {
        switch kind {
        case .added: "add"
        case .updated: "update"
        case .reworded: "reword"
        case .retired: "retire"
        case .restored: "restore"
        case .moved: "move"
        }
    }

    /// What an update or a rewording changes, part by part: (part, old, new).
    static func differences(_ change: CardChange) -> [(String, String, String)] {
        guard change.kind == .updated || change.kind == .reworded, let old = change.before, let new = change.after else { return [] }
        var parts: [(String, String, String)] = []
        if old.front != new.front { parts.append(("Q", old.front, new.front)) }
        if old.back != new.back { parts.append(("A", old.back, new.back)) }
        if old.tags != new.tags { parts.append(("tags", old.tags.joined(separator: ", "), new.tags.joined(separator: ", "))) }
        if old.region != new.region { parts.append(("region", old.region, new.region)) }
        if old.muscle != new.muscle { parts.append(("muscle", old.muscle, new.muscle)) }
        return parts
    }

    /// Deck text on one line, safe for a terminal.
    static func clean(_ text: String) -> String {
        TerminalText.sanitize(text).split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " / ")
    }

    /// The paths in a reason, relative to the working folder.
    static func relative(_ why: String, _ folder: String?) -> String {
        guard let prefix = SyncSummary.prefix(folder) else { return why }
        return why.replacingOccurrences(of: prefix, with: "")
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(1, width - text.count))
    }
}

import Foundation
