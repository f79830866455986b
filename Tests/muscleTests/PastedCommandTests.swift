import Foundation
import Testing

/// The report's "commands to paste" come from deck text (a region's name), so they are quoted for
/// a POSIX shell: pasted into `sh -c` with `muscle` replaced by a recording stub, each runs the
/// stub alone, with exactly the words the report means, and nothing else.
@Suite struct PastedCommandTests {
    /// Regions an attacker (or an unlucky author) might write: command substitution, backquotes,
    /// a single quote, double quotes and backslashes, a leading dash, a comment sign, a tilde.
    static let regions = [
        "soleus": "$(touch pwned-substitution)",
        "piriformis": "it's the hip; `touch pwned-backquote` \"quoted\" \\ back",
        "plantaris": "-x; touch pwned-dash #comment ~root",
    ]

    @Test func everyCommandRunsOnlyMuscleWithTheIntendedWords() throws {
        let sandbox = Sandbox()
        var decks: [String] = []
        for (key, region) in Self.regions {
            let name = key.prefix(1).uppercased() + key.dropFirst()
            sandbox.write("deck/\(key).md", "# \(name)\nRegion: \(region)\nOrigin: somewhere \(key)\n## Actions\n- Moves the \(key)\n")
            decks.append(key)
        }
        let now = ["--now", "2026-12-01T10:00:00Z", "--db", sandbox.db, "--decks", "deck"]
        // Fail every card once, so the plan holds weak topics as well as ones not started.
        let failed = sandbox.run(["study", "--new", "20"] + now, stdin: String(repeating: "\n1\n", count: 4) + "q\n")
        #expect(failed.exitCode == 0, "\(failed.stderr)")
        let result = sandbox.run(["report", "--format", "json", "--exam", "2026-12-20"] + now)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])

        var commands: [(command: String, expected: [String])] = []
        for level in ["muscles", "aspects", "regions", "muscle_aspects"] {
            for topic in try #require(report[level] as? [[String: Any]]) {
                let command = try #require(topic["command"] as? String)
                let name = try #require(topic["topic"] as? String)
                commands.append((command, try Self.intended(level: level, name: name)))
            }
        }
        let plan = try #require(report["plan"] as? [String])
        #expect(!plan.isEmpty)
        let exam = try #require((report["exam"] as? [String: Any])?["topics"] as? [[String: Any]])
        for command in plan + exam.compactMap({ $0["command"] as? String }) {
            commands.append((command, []))  // checked against the same command in a topic below
        }
        #expect(commands.filter { $0.command.contains("--region") }.count == 3)

        let stub = sandbox.write("bin/muscle", "#!/bin/sh\nfor word in \"$@\"; do printf '%s\\0' \"$word\"; done > \"$RECORD\"\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: stub)
        var recorded: [String: [String]] = [:]
        for (index, item) in commands.enumerated() {
            let record = sandbox.file("record-\(index)")
            let pasted = ProcessRunner.run("/bin/sh", ["-c", item.command],
                                           environment: ["PATH": sandbox.file("bin") + ":/usr/bin:/bin", "RECORD": record, "HOME": sandbox.home],
                                           directory: sandbox.path)
            #expect(pasted.exitCode == 0 && pasted.stderr.isEmpty, "\(item.command): \(pasted.stderr)")
            let words = (try? Data(contentsOf: URL(fileURLWithPath: record))).map { data in
                String(decoding: data, as: UTF8.self).split(separator: "\0", omittingEmptySubsequences: false).dropLast().map(String.init)
            }
            let got = try #require(words, "pasting \(item.command) did not run muscle")
            if !item.expected.isEmpty { #expect(got == item.expected, "pasting \(item.command)") }
            recorded[item.command] = got
        }
        for command in plan { #expect(recorded[command]?.first == "study", "\(command)") }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: sandbox.path).filter { $0.hasPrefix("pwned") }
        #expect(leftovers.isEmpty, "pasting a command ran something besides muscle: \(leftovers)")
    }

    /// The words a topic's command means: `study` and the topic's filters, the region lower-cased
    /// as the report writes it (a value that starts with "-" joined to its option with "=").
    static func intended(level: String, name: String) throws -> [String] {
        func option(_ flag: String, _ value: String) -> [String] { value.hasPrefix("-") ? ["\(flag)=\(value)"] : [flag, value] }
        let aspects = ["origin": "origin", "actions": "actions"]
        switch level {
        case "muscles": return ["study", "--muscle", name.lowercased()]
        case "aspects": return ["study", "--aspect", try #require(aspects[name])]
        case "regions": return ["study"] + option("--region", name.lowercased())
        default:
            let parts = name.components(separatedBy: " · ")
            return ["study", "--muscle", parts[0].lowercased(), "--aspect", try #require(aspects[parts[1]])]
        }
    }
}
