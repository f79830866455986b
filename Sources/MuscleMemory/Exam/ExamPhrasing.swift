/// How facts read in stems, options and explanations: "plantarflexes the ankle", "the medial
/// condyle of the femur", "the soleus".
enum ExamPhrasing {
    /// "the soleus", "the fibularis (peroneus) brevis".
    static func the(_ name: String) -> String {
        guard let first = name.first else { return name }
        return "the " + first.lowercased() + name.dropFirst()
    }

    /// Whether a muscle's name is plural ("Intrinsic muscles of the sole", "Deep lateral
    /// rotators"): its verbs agree.
    static func isPlural(_ name: String) -> Bool {
        let words = TermText.normalize(TermText.withoutParentheses(name)).split(separator: " ")
        let plural: Set<Substring> = ["muscles", "rotators", "rhomboids", "scalenes", "lumbricals", "interossei", "intercostals",
                                      "suboccipitals", "hamstrings", "adductors", "flexors", "extensors", "gemelli", "obliques"]
        // "Intrinsic muscles of the sole": the noun before "of" decides.
        let head = words.firstIndex(of: "of").map { words[..<$0] } ?? words[...]
        return head.last.map(plural.contains) ?? false
    }

    static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// A movement as a verb: ("plantarflexes the ankle", "plantarflex the ankle").
    static func verb(joint: String, movement: String) -> (third: String, base: String) {
        let object = "the " + joint.lowercased()
        let words = movement.lowercased().split(separator: " ").map(String.init)
        let table: [String: String] = [
            "flexion": "flex", "extension": "extend", "hyperextension": "hyperextend", "abduction": "abduct", "adduction": "adduct",
            "plantarflexion": "plantarflex", "dorsiflexion": "dorsiflex", "inversion": "invert", "eversion": "evert",
            "rotation": "rotate", "elevation": "elevate", "depression": "depress", "protraction": "protract", "retraction": "retract",
            "pronation": "pronate", "supination": "supinate", "opposition": "oppose", "reposition": "reposition",
            "circumduction": "circumduct", "tilt": "tilt", "tilting": "tilt", "deviation": "deviate",
        ]
        let adverbs: [String: String] = [
            "medial": "medially", "lateral": "laterally", "upward": "upwardly", "downward": "downwardly", "horizontal": "horizontally",
            "radial": "radially", "ulnar": "ulnarly", "anterior": "anteriorly", "posterior": "posteriorly", "internal": "internally",
            "external": "externally",
        ]
        guard let last = words.last, let base = table[last],
              words.dropLast().allSatisfy({ adverbs[$0] != nil }) else {
            let name = "\(joint.lowercased()) \(movement)"
            return ("performs \(name)", "perform \(name)")
        }
        let prefix = words.dropLast().compactMap { adverbs[$0] }.joined(separator: " ")
        let third = base.hasSuffix("x") || base.hasSuffix("ss") ? base + "es" : base + "s"
        let lead = prefix.isEmpty ? "" : prefix + " "
        return ("\(lead)\(third) \(object)", "\(lead)\(base) \(object)")
    }

    /// "Femur: medial condyle" -> "medial condyle of the femur"; "Tibia: lateral condyle of the
    /// tibia" stays "lateral condyle of the tibia"; a bone alone is its name.
    static func landmark(_ name: String) -> String {
        let parts = name.components(separatedBy: ": ")
        let bone = lower(parts[0])
        guard parts.count > 1 else { return bone }
        let place = parts.dropFirst().joined(separator: ": ")
        let boneWords = TermText.normalize(bone).split(separator: " ").filter { $0.count >= 4 && $0 != "the" }
        let placeText = TermText.normalize(place)
        if boneWords.contains(where: { word in placeText.split(separator: " ").contains { $0.hasPrefix(word.prefix(4)) } }) {
            return place
        }
        return "\(place) of the \(bone)"
    }

    /// Lower case, except words like "L1" and "T12".
    private static func lower(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: false).map { word in
            word.count > 1 && word.dropFirst().allSatisfy({ $0.isNumber }) ? String(word) : word.lowercased()
        }.joined(separator: " ")
    }

    /// "A, B and C".
    static func list(_ items: [String], conjunction: String = "and") -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " \(conjunction) " + (items.last ?? "")
        }
    }

    /// Whether `text` names a word of `name` (four letters or more): a stem that would give its
    /// key away.
    static func mentions(_ text: String, nameOf name: String) -> Bool {
        mentions(normalized: TermText.normalize(text), words: nameWords(name))
    }

    /// `mentions` with the text already normalized and the name's words from `nameWords`.
    static func mentions(normalized body: String, words: [String]) -> Bool {
        words.contains { TermText.contains(body, $0) }
    }

    /// The words of a name (four letters or more, normalized, parentheses left out) that
    /// `mentions` looks for.
    static func nameWords(_ name: String) -> [String] {
        TermText.normalize(TermText.withoutParentheses(name)).split(separator: " ").filter { $0.count >= 4 }.map(String.init)
    }
}
