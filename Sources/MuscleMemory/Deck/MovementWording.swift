/// How a movement reads as a verb in a question: "ankle plantarflexion" -> "plantarflex the
/// ankle", "hip lateral rotation" -> "laterally rotate the hip". A small table of the movement
/// nouns and their adjectives; a movement it does not know reads "perform … of the …", which is
/// stiff but never wrong.
enum MovementWording {
    static let verbs: [String: String] = [
        "flexion": "flex", "extension": "extend", "hyperextension": "hyperextend",
        "plantarflexion": "plantarflex", "dorsiflexion": "dorsiflex",
        "abduction": "abduct", "adduction": "adduct", "rotation": "rotate", "circumduction": "circumduct",
        "inversion": "invert", "eversion": "evert", "elevation": "elevate", "depression": "depress",
        "protraction": "protract", "retraction": "retract", "protrusion": "protrude", "retrusion": "retrude",
        "pronation": "pronate", "supination": "supinate", "opposition": "oppose", "reposition": "reposition",
        "deviation": "deviate", "tilt": "tilt", "glide": "glide", "excursion": "move",
    ]

    static let adverbs: [String: String] = [
        "lateral": "laterally", "medial": "medially", "upward": "upwardly", "downward": "downwardly",
        "horizontal": "horizontally", "anterior": "anteriorly", "posterior": "posteriorly",
        "radial": "radially", "ulnar": "ulnarly", "internal": "internally", "external": "externally",
    ]

    /// Movements said of a part rather than the joint the vocabulary files them under: the foot
    /// inverts and everts (at the joints below the ankle), whatever the joint's name.
    static let objects: [String: String] = ["inversion": "the foot", "eversion": "the foot"]

    /// "plantarflex the ankle": the movement as an infinitive with its joint as the object.
    static func phrase(movement: String, joint: String) -> String {
        let object = objects[movement.lowercased()] ?? "the " + joint.lowercased()
        let words = movement.lowercased().split(separator: " ").map(String.init)
        guard let noun = words.firstIndex(where: { verbs[$0] != nil }), let verb = verbs[words[noun]],
              let before = Optional(words[..<noun].map { adverbs[$0] }), !before.contains(nil) else {
            return "perform \(movement.lowercased()) of \(object)"
        }
        let after = words[(noun + 1)...]
        return (before.compactMap { $0 } + [verb, object] + after).joined(separator: " ")
    }
}
