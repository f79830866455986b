// Rules about vocabulary files (`vocabulary/*.md`): the joints, nerves and landmarks the
// program resolves muscle files against.
extension LintRule {
    static let vocabularySyntax = LintRule(
        id: .vocabularySyntax, severity: .error,
        summary: "A vocabulary file line that is not '# Term', a known field or a list item in the right place.",
        triggering: [
            .files([.init("vocabulary/lower-limb.md", "# Ankle\nKind: joint\n↓Movments:\n"), .init("soleus.md", exampleMuscle)]),
            .files([.init("vocabulary/lower-limb.md", "# Ankle\nKind: joint\nMovements:\n- ↓plantarflexion <-> \n"), .init("soleus.md", exampleMuscle)]),
            .files([.init("vocabulary/lower-limb.md", "# ↓Ankle\nMovements:\n- plantarflexion <-> dorsiflexion\n"), .init("soleus.md", exampleMuscle)]),
        ],
        nonTriggering: [
            .files([.init("vocabulary/lower-limb.md", exampleVocabulary), .init("soleus.md", exampleMuscle)]),
        ])

    static let duplicateTerm = LintRule(
        id: .duplicateTerm, severity: .warning,
        summary: "Two vocabulary entries claim the same name or synonym.",
        triggering: [
            .files([.init("vocabulary/a.md", "# Tibial nerve\nKind: nerve\n"), .init("vocabulary/b.md", "# ↓Tibial nerve\nKind: nerve\n"), .init("soleus.md", exampleMuscle)]),
            .files([.init("vocabulary/a.md", "# Fibularis\nKind: term\nSynonyms: peroneus\n\n# ↓Peroneus\nKind: term\n"), .init("soleus.md", exampleMuscle)]),
            .files([.init("vocabulary/a.md", "# Flexor retinaculum of the ankle\nKind: structure\nSynonyms: flexor retinaculum\n"),
                    .init("vocabulary/b.md", "# ↓Flexor retinaculum of the wrist\nKind: structure\nLocal synonyms: flexor retinaculum\n"), .init("soleus.md", exampleMuscle)]),
        ],
        nonTriggering: [
            .files([.init("vocabulary/lower-limb.md", exampleVocabulary), .init("soleus.md", exampleMuscle)]),
            // Local synonyms of two files: each counts beside its own file's terms.
            .files([.init("vocabulary/a.md", "# Flexor retinaculum of the ankle\nKind: structure\nLocal synonyms: flexor retinaculum\n"),
                    .init("vocabulary/b.md", "# Flexor retinaculum of the wrist\nKind: structure\nLocal synonyms: flexor retinaculum\n"), .init("soleus.md", exampleMuscle)]),
        ])

    static let unknownParent = LintRule(
        id: .unknownParent, severity: .warning,
        summary: "A nerve's 'Parent:' or 'Plexus:' names nothing in the vocabulary.",
        triggering: [
            .files([.init("vocabulary/a.md", "# Tibial nerve\nKind: nerve\nParent: ↓sciatc nerve\n"), .init("soleus.md", exampleMuscle)]),
        ],
        nonTriggering: [.files([.init("vocabulary/lower-limb.md", exampleVocabulary), .init("soleus.md", exampleMuscle)])])
}

extension LintRule {
    static let unresolvedAction = LintRule(
        id: .unresolvedAction, severity: .warning,
        summary: "An action line of a covered folder that resolves to no movement or function; suggests the closest terms.",
        triggering: [
            .files([.init("vocabulary/v.md", "Covers: leg\n" + exampleVocabulary), .init("leg/soleus.md", exampleMuscle.replacingOccurrences(of: "- Plantarflexes the ankle", with: "- Plantarflexes the ankle\n- ↓Wiggles the ears"))]),
            .files([.init("vocabulary/v.md", "Covers: leg\n" + exampleVocabulary), .init("leg/soleus.md", exampleMuscle.replacingOccurrences(of: "- Plantarflexes the ankle", with: "- Rises on tiptoe\n  Means: ↓ankle tiptoeing"))]),
        ],
        nonTriggering: [
            .files([.init("vocabulary/v.md", "Covers: leg\n" + exampleVocabulary), .init("leg/soleus.md", exampleMuscle)]),
            .files([.init("vocabulary/v.md", "Covers: leg\n" + exampleVocabulary), .init("leg/soleus.md", exampleMuscle.replacingOccurrences(of: "- Plantarflexes the ankle", with: "- Rises on tiptoe\n  Means: ankle plantarflexion"))]),
            .files([.init("vocabulary/v.md", "Covers: arm\n" + exampleVocabulary), .init("leg/soleus.md", exampleMuscle.replacingOccurrences(of: "- Plantarflexes the ankle", with: "- Wiggles the ears"))]),
        ])

    static let unresolvedNerve = LintRule(
        id: .unresolvedNerve, severity: .warning,
        summary: "An innervation of a covered folder that names no nerve of the vocabulary.",
        triggering: [
            .files([.init("vocabulary/v.md", "Covers: leg\n" + exampleVocabulary), .init("leg/soleus.md", exampleMuscle.replacingOccurrences(of: "Innervation: Tibial nerve (S1, S2)", with: "Innervation: ↓Tibal nerve (S1, S2)"))]),
        ],
        nonTriggering: [.files([.init("vocabulary/v.md", "Covers: leg\n" + exampleVocabulary), .init("leg/soleus.md", exampleMuscle)])])

    static let unresolvedLandmark = LintRule(
        id: .unresolvedLandmark, severity: .warning,
        summary: "An origin or insertion of a covered folder that names no bone or landmark of the vocabulary.",
        triggering: [
            .files([.init("vocabulary/v.md", "Covers: leg\n" + exampleVocabulary), .init("leg/soleus.md", exampleMuscle.replacingOccurrences(of: "Insertion: Calcaneus", with: "Insertion: ↓The heel"))]),
        ],
        nonTriggering: [.files([.init("vocabulary/v.md", "Covers: leg\n" + exampleVocabulary), .init("leg/soleus.md", exampleMuscle)])])
}

/// A small, clean vocabulary the rule examples start from.
let exampleVocabulary = """
# Ankle
Kind: joint
Movements:
- plantarflexion <-> dorsiflexion
Phrases:
- points the foot -> plantarflexion

# Tibial nerve
Kind: nerve
Roots: L4, L5, S1, S2, S3
Parent: sciatic nerve

# Sciatic nerve
Kind: nerve
Plexus: sacral plexus

# Sacral plexus
Kind: plexus

# Calcaneus
Kind: bone
Synonyms: heel bone
Landmarks:
- calcaneal tuberosity; synonyms: tuber calcanei

# Femur
Kind: bone
Landmarks:
- medial condyle; synonyms: medial femoral condyle

"""

extension LintRule {
    static let noExamItem = LintRule(
        id: .noExamItem, severity: .warning,
        summary: "A muscle of a covered folder has facts for an exam template, and three or more other options to draw from, but every one is ambiguous: no item of that template can be generated (Docs/EXAM.md).",
        triggering: [
            // Every other muscle's name also means "sole": no etymology item can have one key.
            .files([.init("vocabulary/v.md", "Covers: leg\n" + exampleVocabulary),
                    .init("leg/soleus.md", examMuscle("↓Soleus", "Latin solea, \"sole\"")),
                    .init("leg/a.md", examMuscle("Alpha", "Latin solea, \"sole\" and alpha, \"first\"")),
                    .init("leg/b.md", examMuscle("Beta", "Latin solea, \"sole\" and beta, \"second\"")),
                    .init("leg/c.md", examMuscle("Gamma", "Latin solea, \"sole\" and gamma, \"third\""))]),
        ],
        nonTriggering: [
            .files([.init("vocabulary/v.md", "Covers: leg\n" + exampleVocabulary),
                    .init("leg/soleus.md", examMuscle("Soleus", "Latin solea, \"sandal\"")),
                    .init("leg/a.md", examMuscle("Alpha", "Latin alpha, \"first\"")),
                    .init("leg/b.md", examMuscle("Beta", "Latin beta, \"second\"")),
                    .init("leg/c.md", examMuscle("Gamma", "Latin gamma, \"third\""))]),
            // Fewer than three other muscles: a small deck, not an ambiguity.
            .files([.init("vocabulary/v.md", "Covers: leg\n" + exampleVocabulary),
                    .init("leg/soleus.md", examMuscle("Soleus", "Latin solea, \"sole\"")),
                    .init("leg/a.md", examMuscle("Alpha", "Latin solea, \"sole\" and alpha, \"first\""))]),
        ])
}

/// A muscle with only an etymology besides its region: what the `no-exam-item` examples vary.
func examMuscle(_ name: String, _ etymology: String) -> String {
    "# \(name)\nRegion: Leg\nEtymology: \(etymology).\n"
}
