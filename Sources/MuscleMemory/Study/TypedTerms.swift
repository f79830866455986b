/// One structure of the curriculum a typed answer can name: a muscle, a nerve, a bone, a
/// landmark or a structure, with every form that names it (normalized by `TypedText`).
public struct TypedTerm: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case muscle, nerve, bone, landmark, structure }
    /// As the curriculum writes it: "Fibularis (peroneus) longus", "Femur: greater trochanter".
    public var name: String
    public var kind: Kind
    /// The preferred form first (the name without asides), then synonyms.
    public var forms: [String]
}

/// Every term of the curriculum, the candidates a typed answer is held against: a typo is
/// forgiven only when the expected term is clearly the nearest of all of them.
///
/// Built from the decks' muscles (each name, its renaming aside — "Fibularis (peroneus) longus"
/// is also "peroneus longus" — and its key) and the vocabulary (nerves, plexuses, bones,
/// structures and landmarks with their synonyms; a landmark also as "landmark of the bone").
/// The vocabulary's general `term` entries (fibularis = peroneus) are applied to every form.
public struct TypedTerms: Sendable {
    public private(set) var terms: [TypedTerm] = []
    /// Normalized form → indexes of the terms that have it.
    private var byForm: [String: [Int]] = [:]

    /// The terms of these compiled decks and the vocabulary they are resolved against.
    public init(decks: [CompiledDeck]) {
        self.init(muscles: decks.flatMap(\.muscles), vocabulary: FactsReport.vocabulary(for: decks))
    }

    public init(muscles: [Muscle], vocabulary: Vocabulary) {
        let swaps = vocabulary.entries(.term).map { entry in entry.terms.map(TypedText.normalize).filter { !$0.isEmpty } }.filter { $0.count > 1 }
        for muscle in muscles where !muscle.name.isEmpty {
            add(TypedTerm(name: muscle.name, kind: .muscle, forms: Self.forms(ofName: muscle.name) + [muscle.key.replacingOccurrences(of: "-", with: " ")]), swaps)
        }
        for entry in vocabulary.entries {
            switch entry.kind {
            case .nerve, .plexus:
                add(TypedTerm(name: entry.name, kind: .nerve, forms: entry.terms.flatMap(Self.forms(ofName:))), swaps)
            case .bone, .structure:
                add(TypedTerm(name: entry.name, kind: entry.kind == .bone ? .bone : .structure, forms: entry.terms.flatMap(Self.forms(ofName:))), swaps)
                for landmark in entry.landmarks {
                    let names = [landmark.name] + landmark.synonyms
                    let ofBone = entry.terms.map { landmark.name + " of the " + $0 }
                    add(TypedTerm(name: "\(entry.name): \(landmark.name)", kind: .landmark, forms: (names + ofBone).flatMap(Self.forms(ofName:))), swaps)
                }
            case .joint, .function, .term:
                continue
            }
        }
    }

    /// The curriculum's term with one of these forms, else a term of these forms alone (a nerve
    /// only a card names).
    func known(_ term: TypedTerm) -> TypedTerm {
        term.forms.lazy.compactMap { self.byForm[$0]?.first }.first.map { terms[$0] } ?? term
    }

    private mutating func add(_ term: TypedTerm, _ swaps: [[String]]) {
        var forms: [String] = []
        for form in term.forms where !form.isEmpty && !forms.contains(form) { forms.append(form) }
        for form in forms {
            for group in swaps {
                for phrase in group where TermText.contains(form, phrase) {
                    for other in group where other != phrase {
                        let swapped = (" " + form + " ").replacingOccurrences(of: " " + phrase + " ", with: " " + other + " ").trimmed
                        if !forms.contains(swapped) { forms.append(swapped) }
                    }
                }
            }
        }
        guard !forms.isEmpty else { return }
        let index = terms.count
        terms.append(TypedTerm(name: term.name, kind: term.kind, forms: forms))
        for form in forms { byForm[form, default: []].append(index) }
    }

    /// The terms one of whose forms this normalized text is.
    func terms(named normalized: String) -> [TypedTerm] {
        (byForm[normalized] ?? []).map { terms[$0] }
    }

    /// Every form of every term but `term`, for the nearest-term test.
    func otherForms(than term: TypedTerm) -> [String] {
        let own = Set(term.forms)
        return byForm.keys.filter { !own.contains($0) }
    }

    /// A name without its asides, and with each one-word aside standing in for the word before
    /// it: "Fibularis (peroneus) longus" is "fibularis longus" and "peroneus longus", "Deep
    /// fibular (peroneal) nerve" also "deep peroneal nerve"; "Iliopsoas (psoas major and
    /// iliacus)" is "iliopsoas" (a longer aside lists parts, it does not rename).
    static func forms(ofName name: String) -> [String] {
        // The words outside parentheses, and after which of them each one-word aside stands.
        var words: [String] = []
        var renames: [(after: Int, word: String)] = []
        var depth = 0
        var outside = "", inside = ""
        for character in name + " " {
            if character == "(" {
                if depth == 0 { words += TypedText.words(of: outside); outside = ""; inside = "" }
                depth += 1
            } else if character == ")" {
                depth = max(0, depth - 1)
                if depth == 0 {
                    let aside = TypedText.words(of: inside)
                    if aside.count == 1, !words.isEmpty { renames.append((words.count - 1, aside[0])) }
                }
            } else if depth > 0 {
                inside.append(character)
            } else {
                outside.append(character)
            }
        }
        words += TypedText.words(of: outside)
        var forms = [TypedText.normalize(words.joined(separator: " "))]
        for rename in renames {
            var renamed = words
            renamed[rename.after] = rename.word
            forms.append(TypedText.normalize(renamed.joined(separator: " ")))
        }
        return forms.filter { !$0.isEmpty }
    }
}
