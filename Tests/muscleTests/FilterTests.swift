import Foundation
import Testing
import TestSupport

/// A filter that matches no card is an error naming the value and the closest match (exit 64),
/// for every command that takes filters; it used to be an empty session ("Nothing is due today")
/// or an empty report, exit 0.
@Suite struct FilterTests {
    static let now = "2026-12-01T10:00:00Z"

    /// (filter arguments, the whole error line), on the bundled curriculum.
    static let mismatches: [([String], String)] = [
        (["--muscle", "deltiod"], "--muscle 'deltiod' matches no card of these decks; did you mean 'deltoid'?"),
        (["--muscle", ""], "--muscle '' is empty; give a muscle's name or key"),
        (["--muscle", "nosuch"], "--muscle 'nosuch' matches no card of these decks; `muscle cards` lists the muscles and their cards"),
        (["--region", "mars"], "--region 'mars' matches no card of these decks; the regions are: Arm, Forearm and hand, Head and neck, Hip, Lower leg and foot, Shoulder and back, Thigh, Trunk"),
        (["--region", "lowr leg"], "--region 'lowr leg' matches no card of these decks; did you mean 'lower leg'?"),
        (["--region", " "], "--region ' ' is empty; give a region or part of its name"),
        (["--tag", "nosuch"], "--tag 'nosuch' matches no card of these decks; the tags are: abdominals, adductors, back, calf, foot, forearm, hamstrings, hip-flexors, hip-rotators, jaw, neck, pelvis, …"),
        (["--tag", "nek"], "--tag 'nek' matches no card of these decks; did you mean 'neck'?"),
        (["--muscle", "soleus", "--region", "arm"], "no card matches --muscle 'soleus' and --region 'arm' together; each matches cards on its own, so leave one out"),
        (["--muscle", "deltoid", "--aspect", "palpation", "--tag", "calf"], "no card matches --muscle 'deltoid' and --aspect 'palpation' and --tag 'calf' together; each matches cards on its own, so leave one out"),
    ]

    @Test(arguments: ["study", "report"], 0..<mismatches.count)
    func filterMatchingNoCardIsAnError(command: String, index: Int) {
        let (filter, message) = Self.mismatches[index]
        let sandbox = Sandbox()
        _ = sandbox.run(["sync", "--db", sandbox.db, "--now", Self.now])  // report never creates a database
        let result = sandbox.run([command, "--db", sandbox.db, "--now", Self.now] + filter, stdin: "q\n")
        #expect(result.exitCode == 64, "\(command) \(filter): \(result.stdout)")
        expectSameText(result.stderr, "muscle: error: \(message)\n")
        #expect(result.stdout == "", "\(command) \(filter) printed a session or a report")
    }

    /// The same values, spelt as the decks spell them, still filter.
    @Test(arguments: ["study", "report"])
    func matchingFiltersStillWork(command: String) {
        let sandbox = Sandbox()
        _ = sandbox.run(["sync", "--db", sandbox.db, "--now", Self.now])
        for filter in [["--muscle", "Deltoid"], ["--muscle", "gluteus-medius"], ["--region", "lower leg"], ["--tag", "Neck"], ["--aspect", "origin", "--region", "arm"]] {
            let result = sandbox.run([command, "--db", sandbox.db, "--now", Self.now] + filter, stdin: "q\n")
            #expect(result.exitCode == 0, "\(command) \(filter): \(result.stderr)")
            #expect(result.stderr == "")
        }
    }

    /// The tags of a school's own deck are what --tag is matched against there.
    @Test func aDeckWithoutTagsSaysSo() {
        let sandbox = Sandbox()
        Fixtures.deck(in: sandbox)
        _ = sandbox.run(["sync", "--db", sandbox.db, "--decks", "deck", "--now", Self.now])
        let result = sandbox.run(["report", "--db", sandbox.db, "--decks", "deck", "--now", Self.now, "--tag", "exam"])
        #expect(result.exitCode == 64)
        #expect(result.stderr == "muscle: error: --tag 'exam' matches no card of these decks; the cards of these decks have no tags\n")
    }
}
