// Rules about list items, trigger points and Q/A cards.
extension LintRule {
    static let missingReferral = LintRule(
        id: .missingReferral, severity: .error,
        summary: "A trigger point needs 'location -> referral', both sides non-empty.",
        triggering: [
            .text("# Soleus\n## Trigger points\n- ↓Proximal belly, near the knee\n"),
            .text("# Soleus\n## Trigger points\n- ↓Distal belly ->\n"),
            .text("# Soleus\n## Trigger points\n- ↓-> the heel\n"),
        ],
        nonTriggering: [
            .text(exampleMuscle),
            .text("# Soleus\n## Trigger points\n- Distal belly → the heel\n- Proximal belly,\n  near the knee -> the back of the calf\n"),
        ])

    static let questionWithoutAnswer = LintRule(
        id: .questionWithoutAnswer, severity: .error,
        summary: "A 'Q:' line with no 'A:' after it.",
        triggering: [
            .text("# Soleus\n## Cards\nQ: ↓Why?\nQ: How?\nA: Like so.\n"),
            .text("# Soleus\n## Cards\nQ: ↓Why?\n"),
        ],
        nonTriggering: [.text(exampleMuscle), .text("# Soleus\n## Cards\nQ: Why?\n\nA: Because.\n")])

    static let answerWithoutQuestion = LintRule(
        id: .answerWithoutQuestion, severity: .error,
        summary: "An 'A:' line with no 'Q:' before it.",
        triggering: [.text("# Soleus\n## Cards\n↓A: Because.\n"), .text("# Soleus\n## Cards\nQ: Why?\nA: Because.\n↓A: Also this.\n")],
        nonTriggering: [.text(exampleMuscle)])

    static let invalidID = LintRule(
        id: .invalidID, severity: .error,
        summary: "An 'Id:' must be lower-case letters, digits, '-', '_' or '.', starting with a letter or digit.",
        triggering: [
            .text("# Soleus\nId: ↓Soleus Muscle\n"),
            .text("# Soleus\n## Cards\nQ: Why?\nA: Because.\nId: ↓why/not\n"),
        ],
        nonTriggering: [.text("# Soleus\nId: soleus-2\n## Cards\nQ: Why?\nA: Because.\nId: why_not.v2\n")])

    static let duplicateID = LintRule(
        id: .duplicateID, severity: .error,
        summary: "Two cards with the same ID in one deck (the same question twice, or the same pinned 'Id:').",
        triggering: [
            .text("# Soleus\n## Cards\nQ: Why?\nA: Because.\nQ: ↓Why?\nA: Just because.\n"),
            .text("# Soleus\n## Cards\nQ: Why?\nA: Because.\nId: same\nQ: How?\nA: So.\nId: ↓same\n"),
        ],
        nonTriggering: [.text(exampleMuscle), .text("# Soleus\n## Cards\nQ: Why?\nA: Because.\nQ: Why not?\nA: Because.\n")])

    static let duplicateMuscle = LintRule(
        id: .duplicateMuscle, severity: .error,
        summary: "Two files of one deck describe the same muscle.",
        triggering: [.files([.init("a/soleus.md", "# Soleus\n"), .init("b/soleus.md", "# ↓soleus\n")])],
        nonTriggering: [.files([.init("a/soleus.md", "# Soleus\n"), .init("b/plantaris.md", "# Plantaris\n")]), .linkCycle])

    static let shadowedMuscle = LintRule(
        id: .shadowedMuscle, severity: .warning,
        summary: "A muscle that a deck loaded earlier (the bundled decks, say) describes too: both would be studied. 'Overrides: bundled' in the header replaces the bundled file on purpose.",
        triggering: [
            .besideBundled([.init("soleus.md", "# ↓Soleus\nRegion: Lower leg and foot\n")]),
            .besideBundled([.init("calf/soleus.md", "# ↓Soleus\nOverrides: bundle\n")]),
        ],
        nonTriggering: [
            .besideBundled([.init("soleus.md", "# Soleus\nOverrides: bundled\nRegion: Lower leg and foot\n")]),
            .besideBundled([.init("example.md", exampleMuscle)]),
        ])

    static let duplicateItem = LintRule(
        id: .duplicateItem, severity: .warning,
        summary: "The same head, action or exercise listed twice for one muscle.",
        triggering: [.text("# Soleus\n## Actions\n- Plantarflexes the ankle\n- ↓plantarflexes the ankle.\n")],
        nonTriggering: [.text(exampleMuscle)])

    static let sharedReverse = LintRule(
        id: .sharedReverse, severity: .error,
        summary: "Two muscles with the same list of actions: their reverse cards ('which muscle does this?') would have two answers.",
        triggering: [.files([
            .init("plantaris.md", "# Plantaris\n## Actions\n- plantarflexes the ankle\n"),
            .init("soleus.md", "# Soleus\n## ↓Actions\n- Plantarflexes the ankle\n"),
        ])],
        nonTriggering: [.files([
            .init("soleus.md", "# Soleus\n## Actions\n- Plantarflexes the ankle\n"),
            .init("plantaris.md", "# Plantaris\n## Actions\n- Plantarflexes the ankle\n- Weakly flexes the knee\n"),
        ])])

    static let controlCharacter = LintRule(
        id: .controlCharacter, severity: .error,
        summary: "Control characters, escape sequences and a carriage return that does not end a line are not allowed in deck text (tabs are).",
        triggering: [
            .text("# Soleus\nOrigin: Tibia ↓\u{1B}[31mand fibula\n"),
            .text("# Soleus\nInsertion: Calc↓\u{7}aneus\n"),
            .text("# Soleus\nInsertion: ↓\u{202E}suenaclaC\n"),
            .text("# Soleus\nOrigin: Tibia↓\rFibula\n"),
            .text("# Soleus\nOrigin: Tibia↓\r\r\nInsertion: Calcaneus\n"),
        ],
        nonTriggering: [.text("# Soleus\nOrigin:\tTibia and fibula\r\nInsertion: Calcaneus\r\n"), .text("# Soleus\r\nOrigin: Tibia\r")])
}
