/// When a sync retires a card and adds another of the same muscle and aspect in the same file,
/// the question (or trigger point) was probably reworded beyond what sync recognises, and the
/// card's history stayed with the retired ID. A hint gives the exact `Id:` line that brings it
/// back: pinned to the old ID, the new text takes over the old card and its history on the next
/// sync (the card added meanwhile, with no history, is retired).
public struct HistoryHint: Sendable, Equatable {
    /// The retired card whose history the line restores.
    public var retired: CardID
    /// The added card that should carry it, and where it is written.
    public var added: CardID
    public var file: String
    public var line: Int
    /// The line to write, exactly (a trigger point's is indented under its item).
    public var idLine: String
    /// Where it goes, in words.
    public var placement: String
}

extension DeckPlan {
    /// One hint per retired card that has a counterpart added in the same muscle, aspect and file:
    /// trigger points and free cards, whose item an `Id:` line pins; paired closest question first.
    public var historyHints: [HistoryHint] {
        var added = steps.filter { $0.kind == .added }.map { cards[$0.card] }
        var hints: [HistoryHint] = []
        for step in steps where step.kind == .retired {
            let old = storedCards[step.stored]
            guard old.aspect == Aspect.triggerPoints.rawValue || old.aspect == Aspect.custom.rawValue else { continue }
            let file = muscleFiles[old.muscleKey] ?? ""
            let candidates = added.indices.filter {
                added[$0].muscleKey == old.muscleKey && added[$0].aspect.rawValue == old.aspect && added[$0].source.file == file
            }
            guard let pick = candidates.min(by: { editDistance(added[$0].front, old.text.front) < editDistance(added[$1].front, old.text.front) }) else { continue }
            let card = added.remove(at: pick)
            let item = String(old.item.split(separator: "/").last ?? "")
            guard !item.isEmpty else { continue }
            let isTriggerPoint = old.aspect == Aspect.triggerPoints.rawValue
            hints.append(HistoryHint(
                retired: old.id, added: card.id, file: card.source.file, line: card.source.line,
                idLine: isTriggerPoint ? "  Id: \(item)" : "Id: \(item)",
                placement: isTriggerPoint ? "under the trigger point" : "after the answer of the card"))
        }
        return hints
    }
}
