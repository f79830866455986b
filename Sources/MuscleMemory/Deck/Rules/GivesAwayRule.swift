// Card quality: a question must not hold its own answer.
extension LintRule {
    static let givesAway = LintRule(
        id: .givesAway, severity: .warning,
        summary: "A question that contains its answer: an action naming the muscle (its reverse card asks which muscle performs them), a heads question naming a head, a 'which muscle …?' question naming the muscle its answer gives.",
        triggering: [
            .text("# Iliopsoas (psoas major and iliacus)\n## Actions\n- Flexes the hip\n- The ↓psoas bends the lumbar spine to its own side\n"),
            .text("# Upper trapezius\n## Actions\n- Elevates the scapula, with the middle fibres of the\n  ↓trapezius\n"),
            .text("# Fibularis (peroneus) longus\n## Actions\n- Everts the foot; the ↓peroneus longus also plantarflexes it\n"),
            .text("# ↓Psoas major and iliacus\n## Heads\n- Psoas major: from the lumbar spine\n- Iliacus: from the ilium\n"),
            .text("# Buccinator\n## Cards\nQ: Which muscle, the ↓buccinator or the masseter, do trumpet players rely on?\nA: The buccinator.\n"),
        ],
        nonTriggering: [
            .text(exampleMuscle),
            .text("# Lower trapezius\n## Actions\n- Upwardly rotates the scapula with the upper trapezius\n"),
            .text("# Psoas minor\n## Actions\n- Tenses the iliac fascia over the iliacus and psoas major\n"),
            .text("# Iliopsoas (psoas major and iliacus)\n## Heads\n- Psoas major: from the lumbar spine\n- Iliacus: from the ilium\n"),
            .text("# Scalenes\n## Heads\n- Anterior scalene\n- Middle scalene\n"),
            .text("# Temporalis\n## Cards\nQ: Which other muscles close the jaw with the temporalis?\nA: The masseter and the medial pterygoid.\n"),
            .text("# Buccinator\n## Cards\nQ: Which muscle do trumpet players rely on?\nA: The buccinator.\n"),
        ])
}
