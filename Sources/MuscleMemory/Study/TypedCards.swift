/// Which cards are typed at in `study --type`, and what each expects. A card is typed when its
/// answer is short terms of the curriculum: a muscle (the reverse actions card, a "which muscle"
/// card), a nerve, a bone or landmark, or a list of them; and a nerve supply written as one nerve
/// with its root levels ("Tibial nerve (S1, S2; some texts give L5 to S2)."). Any other card —
/// prose, a list of actions, several nerves for several parts — is revealed and graded as usual.
extension TypedTerms {
    /// Answers longer than this are prose, not a term.
    static let longestTerm = 80

    public func expectation(for card: StoredCard) -> TypedExpectation? {
        expectation(back: card.back, aspect: card.aspect, front: card.front)
    }

    func expectation(back: String, aspect: Aspect, front: String = "") -> TypedExpectation? {
        var text = back.trimmed
        while text.hasSuffix(".") { text.removeLast() }
        if aspect == .custom, let lead = leadTerm(of: text, asked: front) {
            return TypedExpectation(items: [lead], roots: nil, display: back.trimmed)
        }
        guard !text.isEmpty, TermText.withoutParentheses(text).count <= Self.longestTerm, !text.contains("\n") else { return nil }
        if aspect == .innervation, let supply = nerveSupply(text, display: back.trimmed) { return supply }
        if let whole = terms(named: TypedText.normalize(text)).first {
            return TypedExpectation(items: [whole], roots: nil, display: back.trimmed)
        }
        let parts = TypedText.items(text)
        guard parts.count > 1 else { return nil }
        var items: [TypedTerm] = []
        for part in parts {
            guard let term = terms(named: part).first, !items.contains(term) else { return nil }
            items.append(term)
        }
        return TypedExpectation(items: items, roots: nil, display: back.trimmed)
    }

    /// A question asking for one structure ("Which nerve is at risk near the biceps femoris
    /// tendon?") answered by it first ("The common fibular (peroneal) nerve, which follows …"):
    /// the term before the first colon, semicolon, comma or full stop. A question with a second
    /// part ("…, and why?") is not typed: the term would answer only half of it.
    func leadTerm(of answer: String, asked question: String) -> TypedTerm? {
        let asked = TypedText.words(of: question)
        guard let which = asked.firstIndex(of: "which"), asked.count > which + 1,
              ["muscle", "muscles", "nerve", "nerves", "bone", "tendon", "ligament", "landmark"].contains(asked[which + 1]),
              question.filter({ $0 == "?" }).count == 1, !question.contains(", and"),
              !zip(asked, asked.dropFirst()).contains(where: { $0 == "and" && ["why", "what", "how", "which", "where", "when", "through"].contains($1) })
        else { return nil }
        let end = answer.firstIndex(where: { ":;,.".contains($0) }) ?? answer.endIndex
        let lead = String(answer[..<end])
        guard TypedText.words(of: lead).count <= 6 else { return nil }
        let forms = Self.forms(ofName: lead)
        if let known = forms.lazy.compactMap({ self.terms(named: $0).first }).first { return known }
        // A nerve the vocabulary does not hold yet ("The axillary nerve, which …"): its own forms.
        guard TypedText.words(of: lead).last == "nerve", !forms.isEmpty else { return nil }
        var name = lead.trimmed
        if name.lowercased().hasPrefix("the ") { name = String(name.dropFirst(4)) }
        return TypedTerm(name: name.capitalizedFirst, kind: .nerve, forms: forms)
    }

    /// "Deep fibular (peroneal) nerve (L5, S1; some texts add L4)": one nerve, then its root
    /// levels in the last parentheses, then variants ("some texts give …" replaces the levels,
    /// "… add …" adds to them, "or" gives alternatives).
    func nerveSupply(_ text: String, display: String) -> TypedExpectation? {
        guard text.hasSuffix(")") else { return nil }
        var depth = 0
        var open: String.Index?
        for index in text.indices.reversed() {
            if text[index] == ")" { depth += 1 }
            if text[index] == "(" {
                depth -= 1
                if depth == 0 { open = index; break }
            }
        }
        guard let open else { return nil }
        let name = String(text[..<open]).trimmed
        let inside = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
        guard !name.contains(where: { ",;:".contains($0) }), TypedText.words(of: name).last == "nerve" else { return nil }
        let parts = inside.split(separator: ";").map(String.init)
        guard let first = parts.first else { return nil }
        let main = RootLevels.extract(first)
        guard !main.levels.isEmpty, main.rest.split(separator: " ").allSatisfy({ ["and", "to"].contains($0.lowercased()) }) else { return nil }
        var variants: [[String]] = []
        for part in parts.dropFirst() {
            let words = TypedText.words(of: part)
            guard words.contains("texts") else { continue }
            let adds = words.contains("add")
            for alternative in part.components(separatedBy: " or ") {
                let levels = RootLevels.extract(alternative).levels
                guard !levels.isEmpty else { continue }
                let set = adds ? RootLevels.all.filter { levels.contains($0) || main.levels.contains($0) } : levels
                if set != main.levels && !variants.contains(set) { variants.append(set) }
            }
        }
        let forms = Self.forms(ofName: name)
        let nerve = known(TypedTerm(name: name, kind: .nerve, forms: forms))
        return TypedExpectation(items: [nerve], roots: main.levels, rootVariants: variants, display: display)
    }
}
