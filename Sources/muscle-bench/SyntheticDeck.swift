import Foundation
import MuscleMemory

/// Writes a deck folder of 50 muscles whose cards add up to `cards`: each muscle has the single
/// cards of a complete muscle file (etymology, heads, origin, insertion, innervation, actions and
/// their reverse, exercises) and its remaining cards split between trigger points and free Q/A
/// cards, the two per-item aspects of the format. Seven regions, as in the curriculum.
enum SyntheticDeck {
    static let muscles = 50
    static let regions = ["Head and neck", "Shoulder and back", "Arm and forearm", "Trunk", "Hip", "Thigh", "Lower leg and foot"]
    static let singleCards = 8

    static func write(cards: Int, to folder: String) throws {
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "# Synthetic benchmark deck\nAuthor: muscle-bench\n".write(toFile: folder + "/deck.md", atomically: true, encoding: .utf8)
        for m in 0..<muscles {
            let share = cards / muscles + (m < cards % muscles ? 1 : 0)
            let items = max(0, share - singleCards)
            let points = items / 2
            let questions = items - points
            let region = regions[m % regions.count]
            var text = """
                # Synthetic muscle \(m)
                Region: \(region), synthetic layer \(m % 3)
                Etymology: Latin synthesis \(m), "put together": a muscle made up for measuring.
                Origin: The posterior surface of synthetic bone \(m), near its proximal condyle.
                Insertion: The tuberosity of synthetic bone \(m + 1), by a short flat tendon.
                Innervation: Synthetic nerve \(m) (L\(m % 5 + 1), S\(m % 2 + 1))

                ## Heads
                - Superficial head: the outer part of muscle \(m)
                - Deep head: the inner part, close to the bone

                ## Actions
                - Flexes synthetic joint \(m) (bends it)
                - Rotates synthetic joint \(m) medially

                ## Exercises
                - Synthetic curls with a light band
                - Synthetic raises, slowly

                ## Trigger points

                """
            text.reserveCapacity(items * 120)
            for p in 0..<points {
                text += "- Point \(p) of muscle \(m), in the belly near landmark \(p % 17) -> refers pain to zone \(p % 23) of region \(m % 7)\n"
            }
            text += "\n## Cards\n"
            for q in 0..<questions {
                text += "Q: Question \(q) about muscle \(m): which structure lies beside landmark \(q % 31)?\nA: Structure \(q % 13) of muscle \(m), felt under the skin when the joint flexes.\n"
            }
            let subfolder = folder + "/region-\(m % regions.count)"
            try FileManager.default.createDirectory(atPath: subfolder, withIntermediateDirectories: true)
            try text.write(toFile: subfolder + "/muscle-\(m).md", atomically: true, encoding: .utf8)
        }
    }
}
