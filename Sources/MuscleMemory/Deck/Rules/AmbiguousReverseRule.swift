// Card quality: a reverse card must have one right answer.
extension LintRule {
    static let ambiguousReverse = LintRule(
        id: .ambiguousReverse, severity: .warning,
        summary: "A reverse actions card ('which muscle performs all of these actions?') whose resolved movements and functions another muscle performs too, so it has two right answers.",
        triggering: [
            // Every movement of the gastrocnemius is the plantaris's too (roles do not count).
            .files([
                .init("gastrocnemius.md", "# Gastrocnemius\n## ↓Actions\n- Plantarflexes the ankle\n- Flexes the knee\n"),
                .init("plantaris.md", "# Plantaris\n## ↓Actions\n- Weakly assists plantarflexion of the ankle\n- Assists knee flexion\n"),
            ]),
            // A subset: the other muscle does more, but still all of this one's.
            .files([
                .init("soleus.md", "# Soleus\n## ↓Actions\n- Plantarflexes the ankle\n"),
                .init("gastrocnemius.md", "# Gastrocnemius\n## Actions\n- Plantarflexes the ankle\n- Flexes the knee\n"),
            ]),
            // Functions count like movements, and the other muscle has this one's.
            .files([
                .init("soleus.md", "# Soleus\n## ↓Actions\n- Plantarflexes the ankle\n- Steadies the leg over the foot in standing\n"),
                .init("gastrocnemius.md", "# Gastrocnemius\n## Actions\n- Plantarflexes the ankle\n- Flexes the knee\n- Steadies the knee in walking\n"),
            ]),
        ],
        nonTriggering: [
            .text(exampleMuscle),
            // Each has a movement the other lacks.
            .files([
                .init("gastrocnemius.md", "# Gastrocnemius\n## Actions\n- Plantarflexes the ankle\n- Flexes the knee\n"),
                .init("tibialis-posterior.md", "# Tibialis posterior\n## Actions\n- Plantarflexes the ankle\n- Inverts the foot\n"),
            ]),
            // A function tells them apart.
            .files([
                .init("soleus.md", "# Soleus\n## Actions\n- Plantarflexes the ankle\n- Steadies the leg over the foot in standing\n"),
                .init("gastrocnemius.md", "# Gastrocnemius\n## Actions\n- Plantarflexes the ankle\n- Flexes the knee\n"),
            ]),
            // A line that resolves to nothing may be the one that tells the muscle apart: not checked.
            .files([
                .init("soleus.md", "# Soleus\n## Actions\n- Plantarflexes the ankle\n- Wiggles the ears\n"),
                .init("gastrocnemius.md", "# Gastrocnemius\n## Actions\n- Plantarflexes the ankle\n- Flexes the knee\n"),
            ]),
            // A muscle whose actions resolve to functions only has no movements to compare.
            .files([
                .init("a.md", "# Muscle A\n## Actions\n- Steadies the knee\n"),
                .init("b.md", "# Muscle B\n## Actions\n- Steadies the knee\n- Flexes the knee\n"),
            ]),
        ])
}
