/// The comparison of a typed answer with the expected terms (Docs/TYPED.md).
///
/// After normalizing (`TypedText`), an item is right when it is one of the term's forms: its
/// name (exact) or a synonym. A typo is forgiven only when the term is clearly the nearest one
/// of the whole curriculum: within a small allowance of edits for its length, and at least two
/// edits nearer than any other term's form, and never in a word that tells two structures apart
/// (`discriminating`): `teres minor` for `teres major` is wrong, so is `teres majr`. A list is
/// matched item by item in any order; an extra item counts against it.
extension TypedTerms {
    /// Words that tell two structures apart: a typo in one of them, or one for another, is never
    /// forgiven (exam-practice reference, section 4.3).
    static let discriminating: Set<String> = [
        "major", "minor", "maximus", "medius", "minimus", "longus", "brevis", "tertius", "magnus", "longissimus",
        "anterior", "posterior", "medial", "medialis", "lateral", "lateralis", "intermedius",
        "superior", "inferior", "superficial", "superficialis", "deep", "profundus",
        "internal", "internus", "interni", "external", "externus", "externi",
        "biceps", "triceps", "flexor", "extensor", "abductor", "adductor", "upper", "lower", "middle",
    ]
    /// Prefixes that do the same inside a word: infraspinatus and supraspinatus.
    static let discriminatingPrefixes = ["infra", "supra"]

    /// The discriminating words of a normalized text, and its discriminating prefixes, sorted.
    static func discriminators(_ text: String) -> [String] {
        text.split(separator: " ").flatMap { word -> [String] in
            let word = String(word)
            if discriminating.contains(word) { return [word] }
            return discriminatingPrefixes.filter { word.hasPrefix($0) }.map { $0 + "-" }
        }.sorted()
    }

    /// Edits allowed for a typo in a form of this many letters: none up to 4, then one per five.
    static func allowance(_ form: String) -> Int {
        min(3, form.filter { $0 != " " }.count / 5)
    }

    enum ItemMatch: Equatable {
        case exact
        case synonym(String)
        case typo(String)
        /// Another term of the curriculum, named exactly.
        case other(String)
        /// Near the expected form, but a word that tells structures apart differs.
        case discriminating
        /// Near the expected form, but not clearly nearer than another term.
        case ambiguous
        case wrong
    }

    /// One normalized item against one expected term.
    func match(_ item: String, _ term: TypedTerm) -> ItemMatch {
        guard !item.isEmpty else { return .wrong }
        if item == term.forms.first { return .exact }
        if term.forms.contains(item) { return .synonym(item) }
        if let other = terms(named: item).first { return .other(other.name) }
        let scored = term.forms.map { (form: $0, distance: editDistance(item, $0)) }
        guard let best = scored.min(by: { $0.distance < $1.distance }) else { return .wrong }
        guard best.distance <= Self.allowance(best.form) else { return .wrong }
        guard Self.discriminators(item) == Self.discriminators(best.form) else { return .discriminating }
        // Clearly the nearest: every other term's form at least two edits further away.
        let nearestOther = otherForms(than: term).lazy.map { editDistance(item, $0) }.min() ?? Int.max
        return nearestOther >= best.distance + 2 ? .typo(best.form) : .ambiguous
    }

    /// The typed answer compared with a card's expectation, with the grade it proposes.
    public func compare(_ typed: String, with expected: TypedExpectation) -> TypedComparison {
        let shown = TypedText.clean(typed)
        var details: [String] = []
        var verdict: TypedVerdict
        if let roots = expected.roots {
            let (levels, rest) = RootLevels.extract(shown)
            let nerveText = TypedText.normalize(Self.withoutConnectors(rest))
            let nerve = expected.items.first.map { match(nerveText, $0) } ?? .wrong
            verdict = Self.verdict(of: nerve)
            details.append(Self.describe(nerve, typed: nerveText, expected: expected.items.first?.name ?? ""))
            if verdict != .wrong {
                let rootVerdict: TypedVerdict
                if levels == roots {
                    rootVerdict = .exact
                    details.append("root levels \(levels.joined(separator: ", ")): right")
                } else if expected.rootVariants.contains(levels) {
                    rootVerdict = .synonym
                    details.append("root levels \(levels.joined(separator: ", ")): a variant some texts give (the common teaching: \(roots.joined(separator: ", ")))")
                } else {
                    rootVerdict = .partial
                    details.append(levels.isEmpty ? "root levels: none typed (\(roots.joined(separator: ", ")))" : "root levels \(levels.joined(separator: ", ")): expected \(roots.joined(separator: ", "))")
                }
                verdict = Self.worse(verdict, rootVerdict)
            }
        } else {
            verdict = compareList(TypedText.items(shown), expected.items, details: &details)
        }
        return TypedComparison(typed: shown, expected: expected.display, verdict: verdict, details: details, proposed: TypedComparison.grade(for: verdict))
    }

    /// Items matched to the expected terms in any order: each typed item to the term it matches
    /// best, each term matched once.
    private func compareList(_ items: [String], _ expected: [TypedTerm], details: inout [String]) -> TypedVerdict {
        guard !items.isEmpty, !expected.isEmpty else {
            details.append("nothing typed")
            return .wrong
        }
        var open = Array(expected.indices)
        var matched: [TypedVerdict] = []
        var extras = 0
        for item in items {
            let candidates = open.map { (index: $0, match: match(item, expected[$0])) }
            if let hit = candidates.min(by: { Self.rank($0.match) < Self.rank($1.match) }), Self.verdict(of: hit.match) != .wrong {
                open.removeAll { $0 == hit.index }
                matched.append(Self.verdict(of: hit.match))
                details.append(Self.describe(hit.match, typed: item, expected: expected[hit.index].name))
            } else {
                extras += 1
                let miss = expected.count == 1 ? match(item, expected[0]) : (candidates.first { if case .other = $0.match { true } else { false } }?.match ?? .wrong)
                details.append(Self.describe(miss, typed: item, expected: expected.count == 1 ? expected[0].name : nil))
            }
        }
        for index in open where expected.count > 1 { details.append("missing: \(expected[index].name)") }
        if open.isEmpty && extras == 0 {
            return matched.reduce(TypedVerdict.exact, Self.worse)
        }
        // Partial when at least half the list is right once the extra items are taken off.
        let score = matched.count - extras
        return expected.count > 1 && score > 0 && score * 2 >= expected.count ? .partial : .wrong
    }

    private static func rank(_ match: ItemMatch) -> Int {
        switch match {
        case .exact: 0
        case .synonym: 1
        case .typo: 2
        case .other, .discriminating, .ambiguous, .wrong: 3
        }
    }

    private static func verdict(of match: ItemMatch) -> TypedVerdict {
        switch match {
        case .exact: .exact
        case .synonym: .synonym
        case .typo: .typo
        case .other, .discriminating, .ambiguous, .wrong: .wrong
        }
    }

    private static func worse(_ a: TypedVerdict, _ b: TypedVerdict) -> TypedVerdict {
        let order: [TypedVerdict] = [.exact, .synonym, .typo, .partial, .wrong]
        return (order.firstIndex(of: a) ?? 0) >= (order.firstIndex(of: b) ?? 0) ? a : b
    }

    private static func describe(_ match: ItemMatch, typed: String, expected: String?) -> String {
        let quoted = "“\(typed)”"
        switch match {
        case .exact: return "\(quoted): right"
        case .synonym: return "\(quoted): right, a synonym of \(expected ?? "it")"
        case .typo(let form): return "\(quoted): a typo forgiven (\(form))"
        case .other(let name): return expected.map { "\(quoted): that is \(name), not \($0)" } ?? "\(quoted): that is \(name)"
        case .discriminating: return "\(quoted): close to \(expected ?? "it"), but a word that tells structures apart (major/minor, longus/brevis, medial/lateral…) must be typed exactly"
        case .ambiguous: return "\(quoted): close to \(expected ?? "it"), but as close to another term, so the typo is not forgiven"
        case .wrong: return typed.isEmpty ? "nothing typed" : expected.map { "\(quoted): not \($0)" } ?? "\(quoted): not expected"
        }
    }

    /// The nerve part of a typed nerve supply, without the words around its root levels.
    private static func withoutConnectors(_ text: String) -> String {
        let filler: Set<String> = ["and", "with", "roots", "root", "levels", "level", "spinal", "to", "from"]
        var words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" || $0 == "(" || $0 == ")" }).map(String.init)
        while let last = words.last, filler.contains(last.lowercased()) { words.removeLast() }
        while let first = words.first, filler.contains(first.lowercased()) { words.removeFirst() }
        return words.joined(separator: " ")
    }
}
