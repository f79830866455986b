/// Two small, complete muscles: end-to-end tests use them (with --decks) so that the bundled
/// curriculum can change without changing these tests' expected output.
enum Fixtures {
    static let soleus = """
        # Soleus
        Region: Lower leg and foot, posterior, deep
        Etymology: Latin solea, "sandal" or "sole": the flat shape of the muscle
        Origin: Soleal line of the tibia and the head of the fibula
        Insertion: Calcaneus, through the calcaneal tendon
        Innervation: Tibial nerve (S1, S2)

        ## Actions
        - Plantarflexes the ankle
        - Steadies the leg over the foot in standing

        ## Trigger points
        - Distal belly, above the heel -> the heel and the back of the heel

        ## Exercises
        - Seated calf raises

        ## Cards
        Q: Which knee position isolates the soleus in a calf raise?
        A: A bent knee: the gastrocnemius is slack.

        """

    static let piriformis = """
        # Piriformis
        Region: Hip, deep lateral rotators
        Etymology: Latin pirum, "pear", and forma, "shape"
        Origin: Anterior surface of the sacrum
        Insertion: Superior border of the greater trochanter
        Innervation: Nerve to piriformis (S1, S2)

        ## Actions
        - Laterally rotates the extended hip
        - Abducts the flexed hip

        ## Trigger points
        - Lateral third of the muscle -> the sacroiliac region and the buttock

        ## Exercises
        - Clamshells

        ## Cards
        Q: Which nerve may the piriformis compress?
        A: The sciatic nerve.

        """

    /// Writes the two-muscle deck into the sandbox and returns its folder.
    @discardableResult
    static func deck(in sandbox: Sandbox, folder: String = "deck") -> String {
        sandbox.write("\(folder)/soleus.md", soleus)
        sandbox.write("\(folder)/piriformis.md", piriformis)
        return sandbox.file(folder)
    }

    /// A deck of `muscles` generated muscles with ten cards each, for long sessions.
    @discardableResult
    static func largeDeck(in sandbox: Sandbox, muscles: Int, folder: String = "large") -> String {
        for m in 0..<muscles {
            var text = "# Drill muscle \(m)\nRegion: Trunk\nEtymology: drill \(m)\nOrigin: origin \(m)\nInsertion: insertion \(m)\nInnervation: nerve \(m)\n\n## Actions\n- Action \(m)\n\n## Trigger points\n"
            for p in 0..<2 { text += "- Point \(p) of \(m) -> zone \(p)\n" }
            text += "\n## Exercises\n- Exercise \(m)\n\n## Cards\n"
            for q in 0..<1 { text += "Q: Question \(q) about drill \(m)?\nA: Answer \(q).\n" }
            sandbox.write("\(folder)/m\(m).md", text)
        }
        return sandbox.file(folder)
    }
}
