/// One generated multiple-choice item: a stem, four options in the order shown, the key, and an
/// explanation built from every option's own facts. Its `id` is stable (see `ExamItemID`): the
/// same template, stem facts and key give the same ID across runs and deck edits.
public struct ExamItem: Sendable, Hashable, Codable {
    /// `muscle-nerve/3f9c0a1b2d4e5f60`.
    public var id: String
    public var template: ExamTemplate
    /// The muscle the item is about: the stem's muscle, or the key when the options are muscles.
    public var muscleKey: String
    public var muscleName: String
    public var region: String
    public var stem: String
    /// Exactly four, in the order shown (a-d).
    public var options: [String]
    /// 0 = a ... 3 = d.
    public var keyIndex: Int
    /// One line per option, in the options' order.
    public var explanation: [String]
    /// The facts the stem names, as the curriculum spells them (a nerve, a movement, a landmark,
    /// muscle keys): what the ID is hashed from, and what a checker judges the options against.
    public var stemFacts: [String] = []
    /// Each option as the curriculum spells it: a muscle's key, a nerve's or movement's name, a
    /// landmark ("Femur: medial condyle").
    public var optionFacts: [String] = []

    public init(id: String, template: ExamTemplate, muscleKey: String, muscleName: String, region: String, stem: String,
                options: [String], keyIndex: Int, explanation: [String], stemFacts: [String] = [], optionFacts: [String] = []) {
        self.id = id
        self.template = template
        self.muscleKey = muscleKey
        self.muscleName = muscleName
        self.region = region
        self.stem = stem
        self.options = options
        self.keyIndex = keyIndex
        self.explanation = explanation
        self.stemFacts = stemFacts
        self.optionFacts = optionFacts
    }

    public var aspect: Aspect { template.aspect }

    public var key: String { options.indices.contains(keyIndex) ? options[keyIndex] : "" }

    /// The option letters, as keys and as shown.
    public static let letters = ["a", "b", "c", "d"]

    /// A fingerprint of what the student sees: a change under the same ID counts as an update.
    public var contentHash: String {
        var hash = ContentHash()
        hash.add(stem)
        for option in options { hash.add(option) }
        hash.add(String(keyIndex))
        for line in explanation { hash.add(line) }
        hash.add(region)
        return hash.hex
    }
}
