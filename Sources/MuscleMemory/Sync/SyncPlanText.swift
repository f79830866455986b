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
