/// A sync from deck locations: what `muscle sync` and the implicit sync of `study`, `report` and
/// `stats` run. It compiles the decks whose files changed (the store never compiles), refuses
/// the whole sync when any has lint errors, and hands the compiled decks to the store, which plans
/// and applies them in one transaction. A deck whose files did not change since the last sync is
/// recognised from their sizes and times (folders) or its content hash (bundled) without being
/// parsed.
public enum DeckSync {
    /// What a sync would do now, card by card; writes nothing (`muscle sync --dry-run`).
    public static func plan(_ locations: [DeckLocation], in database: AppDatabase) throws(StoreError) -> SyncPlan {
        var (plan, sources) = try prepare(locations, database)
        if !plan.wasRefused { plan.decks += try database.syncPlans(for: sources) }
        return plan
    }

    /// Brings the database in line with the decks: new cards are added (new, unscheduled), changed
    /// cards keep their ID, state and history with the new text, cards that left their deck are
    /// retired (hidden, history kept) and come back with their history when they return. A deck
    /// with lint errors refuses the whole sync and nothing changes.
    public static func run(_ locations: [DeckLocation], in database: AppDatabase, now: Date) throws(StoreError) -> SyncReport {
        try apply(locations, in: database, now: now).report
    }

    /// `run`, returning the plan it applied, so `muscle sync` can list what changed card by card.
    public static func apply(_ locations: [DeckLocation], in database: AppDatabase, now: Date) throws(StoreError) -> SyncPlan {
        var (plan, sources) = try prepare(locations, database)
        if !plan.wasRefused { plan.decks += try database.sync(sources, now: now) }
        return plan
    }

    /// The decks recognised as unchanged without being read, the others compiled, and their
    /// findings.
    static func prepare(_ locations: [DeckLocation], _ database: AppDatabase) throws(StoreError) -> (SyncPlan, [DeckSource]) {
        let known = try database.deckFingerprints()
        var plan = SyncPlan()
        var sources: [DeckSource] = []
        for location in locations {
            let key = location.storageKey
            switch location {
            case .bundled:
                // Synced with overrides in effect, it is unchanged while school decks are loaded
                // and none of them changed (a changed one brings it back in: `checkedAcrossDecks`).
                let stored = known[key]?.contentHash
                let overridden = stored?.hasPrefix(bundledContentHash + DeckSet.overrideMark) == true
                if stored == bundledContentHash || (overridden && locations.contains(where: { $0 != .bundled })) {
                    plan.decks.append(.untouched(location))
                    continue
                }
                // Without its checks: it has no findings (`DeckCompiler.assemble`).
                sources.append(DeckSource(deck: DeckCompiler.assemble(.bundled), key: key, statSignature: ""))
            case .path:
                let signature = DeckLoader.statSignature(location) ?? ""
                if let known = known[key], !signature.isEmpty, known.statSignature == signature {
                    plan.decks.append(.untouched(location))
                    continue
                }
                sources.append(DeckSource(deck: DeckCompiler.compile(location, displayPrefix: key), key: key, statSignature: signature))
            }
        }
        sources = checkedAcrossDecks(sources, locations)
        let planned = Set(sources.map(\.key))
        plan.decks.removeAll { planned.contains($0.key) }  // recognised unchanged, then brought back in
        let findings = sources.flatMap(\.deck.diagnostics)
        plan.refusedBecause = findings.filter { $0.severity == .error }
        plan.warnings = findings.filter { $0.severity == .warning }
        return (plan, sources)
    }

    /// The checks across the loaded decks (`DeckSet`): the bundled muscles a school deck overrides
    /// left out, and `shadowed-muscle` findings. They need every loaded deck's muscles, so when a
    /// deck was compiled and others were recognised as unchanged, those are compiled too, for the
    /// check only (they are not synced again). A bundled deck compiled beside school decks that
    /// were not is given their overrides the same way, or it would bring back what they replace.
    static func checkedAcrossDecks(_ sources: [DeckSource], _ locations: [DeckLocation]) -> [DeckSource] {
        guard !sources.isEmpty, Set(locations).count > 1 else { return sources }
        let byKey = Dictionary(sources.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var seen = Set<String>()
        let decks = locations.filter { seen.insert($0.storageKey).inserted }.map { location in
            byKey[location.storageKey]?.deck
                ?? (location == .bundled ? DeckCompiler.assemble(.bundled) : DeckCompiler.compile(location, displayPrefix: location.storageKey))
        }
        let changedSchool = sources.contains { $0.key != DeckLocation.bundledName }
        var ordered: [DeckSource] = []
        for deck in DeckSet.checked(decks) {
            let key = deck.location.storageKey
            if var source = byKey[key] {
                source.deck = deck
                ordered.append(source)
            } else if deck.location == .bundled && changedSchool {
                // A school deck changed: its overrides may have too, and the bundled deck is
                // planned again (its stored hash says which overrides it was synced with).
                ordered.append(DeckSource(deck: deck, key: key, statSignature: ""))
            }
        }
        return ordered
    }

    /// The bundled decks' content hash, computed once per process.
    static let bundledContentHash: String = DeckLoader.load(.bundled).contentHash
}

import Foundation
