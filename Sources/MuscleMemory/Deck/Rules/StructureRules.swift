// Rules about the shape of a muscle file: its heading, fields and sections.
extension LintRule {
    static let missingName = LintRule(
        id: .missingName, severity: .error,
        summary: "A muscle file must start with '# Name'.",
        triggering: [
            .text("↓Region: Lower leg\n"),
            .text("↓\n"),
            .text("#↓ \nRegion: Lower leg\n"),
            .text("↓#Soleus\n"),
        ],
        nonTriggering: [.text(exampleMuscle), .text("<!-- a note -->\n# Soleus\n")])

    static let multipleMuscles = LintRule(
        id: .multipleMuscles, severity: .error,
        summary: "One file holds one muscle: a second '# ' heading is an error.",
        triggering: [.text(exampleMuscle + "\n# ↓Soleus\n")],
        nonTriggering: [.text(exampleMuscle)])

    static let unknownField = LintRule(
        id: .unknownField, severity: .error,
        summary: "A header line 'Name: value' whose name is not a known field; suggests the closest one.",
        triggering: [
            .text("# Soleus\n↓Orign: Tibia and fibula\n"),
            .text("# Soleus\n↓Colour: red\n"),
            .files([.init("deck.md", "# My deck\n↓Autor: A. Teacher\n"), .init("soleus.md", exampleMuscle)]),
        ],
        nonTriggering: [
            .text(exampleMuscle),
            .text("# Soleus\nORIGIN: Tibia and fibula\ninnervation: Tibial nerve\n"),
            .files([.init("deck.md", "# My deck\nAuthor: A. Teacher\nDescription: For the spring term\n"), .init("soleus.md", exampleMuscle)]),
        ])

    static let unknownSection = LintRule(
        id: .unknownSection, severity: .error,
        summary: "A '## ' heading that is not a known section (or a '###' heading); suggests the closest one.",
        triggering: [
            .text("# Soleus\n## ↓Actons\n- Plantarflexes the ankle\n"),
            .text("# Soleus\n↓### Actions\n- Plantarflexes the ankle\n"),
        ],
        nonTriggering: [.text(exampleMuscle), .text("# Soleus\n## trigger-points\n- Belly -> heel\n## Action\n- Plantarflexes the ankle\n")])

    static let duplicateField = LintRule(
        id: .duplicateField, severity: .error,
        summary: "A field given twice in one header, or a second 'Id:' on one card.",
        triggering: [
            .text("# Soleus\nOrigin: Tibia\n↓origin: Fibula\n"),
            .text("# Soleus\n## Cards\nQ: Why?\nA: Because.\nId: why\n↓Id: because\n"),
            .text("# Soleus\n## Palpation\nPosition: Prone\n↓position: Supine\n"),
        ],
        nonTriggering: [.text(exampleMuscle), .text("# Soleus\nOrigin: Tibia,\n  and fibula\n")])

    static let duplicateSection = LintRule(
        id: .duplicateSection, severity: .error,
        summary: "The same '## ' section twice in one file; merge them.",
        triggering: [.text("# Soleus\n## Actions\n- Plantarflexes the ankle\n## ↓actions\n- Stabilises the leg\n")],
        nonTriggering: [.text(exampleMuscle)])

    static let misplacedField = LintRule(
        id: .misplacedField, severity: .error,
        summary: "A header field written inside a section; fields go above the first '## '.",
        triggering: [.text("# Soleus\n## Actions\n- Plantarflexes the ankle\n↓Origin: Tibia\n")],
        nonTriggering: [.text(exampleMuscle)])

    static let misplacedAttribute = LintRule(
        id: .misplacedAttribute, severity: .error,
        summary: "'Id:' or 'Tags:' where it cannot attach to a trigger point or Q/A card.",
        triggering: [
            .text("# Soleus\n## Actions\n- Plantarflexes the ankle\n  ↓Id: plantarflexion\n"),
            .text("# Soleus\n## Cards\n↓Tags: exam\nQ: Why?\nA: Because.\n"),
        ],
        nonTriggering: [
            .text("# Soleus\n## Trigger points\n- Belly -> heel\n  Id: soleus-belly\n  Tags: exam\n## Cards\nQ: Why?\nA: Because.\nId: why\nTags: exam, palpation\n"),
        ])

    static let strayText = LintRule(
        id: .strayText, severity: .error,
        summary: "A line that is not a field, section, list item or card where it stands.",
        triggering: [
            .text("# Soleus\n## Actions\n- Plantarflexes the ankle\n\n↓It is a strong muscle.\n"),
            .text("# Soleus\n↓- Plantarflexes the ankle\n"),
            .text("# Soleus\n## Cards\n↓- Why?\n"),
            .text("# Soleus\n## Actions\n↓Q: Why?\nA: Because.\n"),
            .text("# Soleus\n## Palpation\n↓- Press behind the knee\n"),
            .text("# Soleus\n## Palpation\n↓Grip: firm\n"),
            .text("# Soleus\n## Trigger points\n- Distal belly -> the heel\n  Id: distal\n↓and the back of the heel\n"),
            .text("# Soleus\n## Cards\nQ: Why?\nA: Because.\nId: why\n↓It holds us upright.\n"),
        ],
        nonTriggering: [
            .text(exampleMuscle),
            .text("# Soleus\n## Cards\nQ: Why is it\nso strong?\nA: It holds us\n   upright.\n"),
            .text("# Soleus\n## Trigger points\n- Distal belly -> the heel\nand the back of the heel\n  Id: distal\n"),
        ])

    static let emptyField = LintRule(
        id: .emptyField, severity: .error,
        summary: "A field with no value.",
        triggering: [.text("# Soleus\nOrigin:↓\nInsertion: Calcaneus\n"), .text("# Soleus\n## Palpation\nResist:↓\n")],
        nonTriggering: [.text(exampleMuscle), .text("# Soleus\nOrigin:\n  Tibia and fibula\n")])

    static let emptySection = LintRule(
        id: .emptySection, severity: .warning,
        summary: "A section with nothing in it makes no cards.",
        triggering: [.text("# Soleus\n## ↓Exercises\n\n## Actions\n- Plantarflexes the ankle\n")],
        nonTriggering: [.text(exampleMuscle)])

    static let missingField = LintRule(
        id: .missingField, severity: .warning,
        summary: "A muscle without one of the fields or sections a complete muscle has (Region, Etymology, Origin, Insertion, Innervation, Actions, Trigger points, Exercises, Cards).",
        triggering: [.text(String(exampleMuscle.replacingFirst("# Example muscle", with: "# ↓Example muscle").split(separator: "\n").filter { !$0.hasPrefix("Origin") }.joined(separator: "\n")))],
        nonTriggering: [.text(exampleMuscle)])
}
