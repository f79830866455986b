import Foundation
import Testing
@testable import MuscleMemory
import TestSupport

/// The acceptance property of issue 14 over the bundled curriculum: for every generated item,
/// exactly one option satisfies the stem, judged by the full fact index (FactIndex's own
/// look-ups, not the generator's), and no two options are the same muscle, nerve or synonym.
/// Counts are not pinned (they grow as the vocabulary covers more folders); properties are.
@Suite struct ExamValidityTests {
    static let decks = [BundledDeck.compiled]
    static let curriculum = ExamCurriculum(decks: decks, vocabulary: FactsReport.vocabulary(for: decks))
    static let items = ExamGenerator.items(curriculum)

    /// The curriculum's muscles by key: built once, not for each of the ten thousand options judged.
    static let muscles = Dictionary(curriculum.entries.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })

    /// Whether `option` (as `optionFacts` spells it) satisfies the item's stem.
    static func satisfies(_ item: ExamItem, _ option: String) -> Bool {
        let index = curriculum.index
        let muscles = Self.muscles
        func name(_ key: String) -> String { muscles[key]?.name ?? key }
        func performs(_ key: String, _ movement: String) -> Bool {
            let (prime, assisting) = index.performers(of: movement)
            return (prime + assisting).contains(name(key))
        }
        let facts = item.stemFacts
        switch item.template {
        case .muscleNerve:
            return index.muscles(ofNerve: option).contains(name(facts[0]))
        case .nerveMuscle:
            return index.muscles(ofNerve: facts[0]).contains(name(option))
                || (muscles[option]?.nerveLevels.contains { FactIndex.normalized($0).hasPrefix(FactIndex.normalized(facts[0]).split(separator: " ")[0]) } ?? false)
        case .rootMuscle:
            // The deck's innervation line, ranges and variants included ("L4 to S1; some texts add S2").
            return muscles[option].map { SpinalRoots.expand($0.facts.roots.joined(separator: " ")).contains(facts[0]) || $0.roots.contains(facts[0]) } ?? false
        case .movementMuscle:
            let movements = facts.filter { !muscles.keys.contains($0) }
            return movements.allSatisfy { performs(option, $0) }
        case .muscleMovement:
            return performs(facts[0], option)
        case .originMuscle, .insertionMuscle:
            let (origin, insertion) = index.muscles(atLandmark: facts[0])
            return (item.template == .originMuscle ? origin : insertion).contains(name(option))
        case .muscleOrigin, .muscleInsertion:
            let (origin, insertion) = index.muscles(atLandmark: option)
            return (item.template == .muscleOrigin ? origin : insertion).contains(name(facts[0]))
        case .etymologyMuscle:
            let wanted = Set(facts.dropFirst().map(FactIndex.normalized))
            return wanted.isSubset(of: Set((muscles[option]?.glosses ?? []).map(FactIndex.normalized)))
        case .triggerPointMuscle:
            let zones = ExamText.zones(facts[1])
            return muscles[option]?.referrals.contains { !$0.zones.isDisjoint(with: zones) } ?? false
        case .synergist:
            return option != facts[0] && performs(option, facts[1])
        case .antagonist:
            guard let opposite = index.opposite(of: facts[1]) else { return false }
            return option != facts[0] && performs(option, opposite)
        }
    }

    @Test func theCurriculumGeneratesItemsOfEveryTemplate() {
        let templates = Set(Self.items.map(\.template))
        #expect(templates == Set(ExamTemplate.allCases), "no item of: \(Set(ExamTemplate.allCases).subtracting(templates).map(\.rawValue).sorted())")
    }

    @Test func exactlyOneOptionSatisfiesEveryStem() {
        var failures: [String] = []
        for item in Self.items {
            let satisfied = item.optionFacts.indices.filter { Self.satisfies(item, item.optionFacts[$0]) }
            if satisfied != [item.keyIndex] {
                failures.append("\(item.id): \(item.stem) options \(item.optionFacts) key \(item.keyIndex) satisfied by \(satisfied)")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) of \(Self.items.count) items:\n\(failures.prefix(20).joined(separator: "\n"))")
    }

    @Test func optionsAreFourDistinctTermsWithOneKey() {
        let vocabulary = Self.curriculum.index.vocabulary
        for item in Self.items {
            #expect(item.options.count == 4 && item.optionFacts.count == 4 && (0..<4).contains(item.keyIndex), "\(item.id)")
            #expect(Set(item.options.map(FactIndex.normalized)).count == 4, "\(item.id): \(item.options)")
            #expect(Set(item.optionFacts).count == 4, "\(item.id): \(item.optionFacts)")
            // No two options are synonyms: they name four different vocabulary entries, where they name one.
            let entries = item.optionFacts.compactMap { vocabulary.entry(named: $0)?.name }
            #expect(Set(entries).count == entries.count, "\(item.id): synonyms among \(item.optionFacts)")
            #expect(!item.options.contains { ["all of the above", "none of the above"].contains(FactIndex.normalized($0)) })
            #expect(item.explanation.count == 4, "\(item.id)")
        }
    }

    @Test func idsAreUniqueStableAndNamedForTheirTemplate() {
        let ids = Self.items.map(\.id)
        #expect(Set(ids).count == ids.count)
        for item in Self.items { #expect(item.id.hasPrefix(item.template.rawValue + "/") && item.id.count == item.template.rawValue.count + 17, "\(item.id)") }
        // The same decks give the same items, in the same order, with the same options.
        let again = ExamGenerator.items(ExamCurriculum(decks: Self.decks, vocabulary: FactsReport.vocabulary(for: Self.decks)))
        #expect(again == Self.items)
    }

    /// A deep fibular muscle is also a common fibular and a sciatic one: never key and distractor
    /// of one nerve item.
    @Test func nervesAreJudgedAtEveryLevelOfTheTree() {
        let vocabulary = Self.curriculum.index.vocabulary
        for item in Self.items where item.template == .nerveMuscle {
            let nerve = item.stemFacts[0]
            for (index, key) in item.optionFacts.enumerated() where index != item.keyIndex {
                let entry = Self.curriculum.entries.first { $0.key == key }
                let levels = Set((entry?.facts.nerves ?? []).flatMap { vocabulary.nerveChain($0) })
                #expect(!levels.contains(nerve), "\(item.id): \(key) is also supplied by the \(nerve)")
            }
        }
    }

    /// Only muscles whose facts are complete (covered folders) appear in items.
    @Test func onlyCoveredMusclesAreUsed() {
        let covered = Set(Self.curriculum.covered.map(\.key))
        for item in Self.items {
            #expect(covered.contains(item.muscleKey), "\(item.id)")
        }
    }

    /// Compiled as lint compiles them: only lint runs `no-exam-item`.
    @Test func theBundledDecksHaveNoNoExamItemFinding() {
        #expect(DeckCompiler.compile(.bundled, examItems: true).diagnostics.filter { $0.rule == .noExamItem }.map(\.message) == [])
    }
}
