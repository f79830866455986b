/// A small deck with its own vocabulary, covered, so that its exam items can be pinned exactly
/// (the bundled curriculum's items change as its vocabulary grows; tests over it pin properties).
enum ExamFixture {
    static let vocabulary = """
        Covers: leg

        # Ankle
        Kind: joint
        Movements:
        - plantarflexion <-> dorsiflexion
        - inversion <-> eversion

        # Knee
        Kind: joint
        Movements:
        - flexion <-> extension

        # Sacral plexus
        Kind: plexus

        # Sciatic nerve
        Kind: nerve
        Plexus: sacral plexus

        # Tibial nerve
        Kind: nerve
        Parent: sciatic nerve

        # Common fibular nerve
        Kind: nerve
        Parent: sciatic nerve

        # Deep fibular nerve
        Kind: nerve
        Parent: common fibular nerve

        # Superficial fibular nerve
        Kind: nerve
        Parent: common fibular nerve

        # Femur
        Kind: bone
        Landmarks:
        - medial condyle
        - lateral condyle

        # Tibia
        Kind: bone
        Landmarks:
        - soleal line

        # Fibula
        Kind: bone

        # Calcaneus
        Kind: bone

        # Metatarsals
        Kind: bone

        """

    static let muscles: [(String, String)] = [
        ("gastrocnemius", """
            # Gastrocnemius
            Region: Leg
            Etymology: Greek gaster, "belly", and kneme, "leg".
            Origin: The medial condyle and the lateral condyle of the femur.
            Insertion: The calcaneus.
            Innervation: Tibial nerve (S1, S2).

            ## Actions
            - Plantarflexes the ankle
            - Flexes the knee

            ## Trigger points
            - Medial belly -> the instep of the foot
            """),
        ("soleus", """
            # Soleus
            Region: Leg
            Etymology: Latin solea, "sandal".
            Origin: The soleal line of the tibia and the fibula.
            Insertion: The calcaneus.
            Innervation: Tibial nerve (S1, S2).

            ## Actions
            - Plantarflexes the ankle

            ## Trigger points
            - Distal belly -> the heel
            """),
        ("tibialis-anterior", """
            # Tibialis anterior
            Region: Leg
            Etymology: Latin tibia, "shinbone", and anterior, "in front".
            Origin: The tibia.
            Insertion: The metatarsals.
            Innervation: Deep fibular nerve (L4, L5).

            ## Actions
            - Dorsiflexes the ankle
            - Inverts the ankle

            ## Trigger points
            - Upper belly -> the big toe
            """),
        ("fibularis-longus", """
            # Fibularis longus
            Region: Leg
            Etymology: Latin fibula, "pin", and longus, "long".
            Origin: The fibula.
            Insertion: The metatarsals.
            Innervation: Superficial fibular nerve (L5, S1).

            ## Actions
            - Everts the ankle

            ## Trigger points
            - Upper belly -> the outer ankle
            """),
        ("popliteus", """
            # Popliteus
            Region: Knee
            Etymology: Latin poples, "ham".
            Origin: The lateral condyle of the femur.
            Insertion: The soleal line of the tibia.
            Innervation: Tibial nerve (L4, L5).

            ## Actions
            - Flexes the knee

            ## Trigger points
            - Belly -> the back of the knee
            """),
    ]

    /// Writes the deck (folder `exam`) into the sandbox and returns its path.
    @discardableResult
    static func deck(in sandbox: Sandbox, folder: String = "exam") -> String {
        sandbox.write("\(folder)/vocabulary/leg.md", vocabulary)
        for (key, text) in muscles {
            sandbox.write("\(folder)/leg/\(key).md", text + "\n\n## Exercises\n- Walking\n\n## Cards\nQ: Which compartment holds it?\nA: One of the leg's.\n")
        }
        return sandbox.file(folder)
    }
}
