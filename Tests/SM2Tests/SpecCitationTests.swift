import Foundation
import Testing
import TestSupport

/// The scheduler's spec lives in the repository (Docs/SM2.md), and every comment that cites it
/// resolves there: by the file's repository path, and by a section that exists.
@Suite("Docs/SM2.md citations")
struct SpecCitationTests {
    @Test func everyCitationNamesTheRepositoryFileAndASectionOfIt() throws {
        let spec = try repositoryFile("Docs/SM2.md")
        var citations = 0
        for (path, text) in repositorySwiftFiles(under: "Sources") + repositorySwiftFiles(under: "Tests") {
            let lower = text.lowercased()
            let mentions = lower.components(separatedBy: "sm2" + ".md").count - 1
            let cited = text.components(separatedBy: "Docs/SM2.md").count - 1
            #expect(mentions == cited, "\(path) cites the spec by another name than Docs/SM2.md")
            citations += cited
            // `Docs/SM2.md, "Late reviews"` and `Docs/SM2.md ("EF precision")` name a section.
            for marker in ["Docs/SM2.md, \"", "Docs/SM2.md (\""] {
                for part in text.components(separatedBy: marker).dropFirst() {
                    guard let section = part.split(separator: "\"", maxSplits: 1).first else { continue }
                    #expect(spec.contains("**\(section)") || spec.contains("## \(section)"),
                            "\(path) cites the section \"\(section)\", which Docs/SM2.md does not have")
                }
            }
        }
        #expect(citations >= 25)
    }

    /// Every open choice `SchedulerOptions` makes is listed in the spec's table.
    @Test func everySettingIsDocumented() throws {
        let spec = try repositoryFile("Docs/SM2.md")
        let options = try repositoryFile("Sources/SM2/SchedulerOptions.swift")
        let settings = options.split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ")
            guard words.count >= 3, words[0] == "public", words[1] == "var", words[2].hasSuffix(":") else { return nil }
            return String(words[2].dropLast())
        }
        #expect(settings.count == 11)
        for setting in settings {
            #expect(spec.contains("| `\(setting)` |"), "Docs/SM2.md does not list the setting \(setting)")
        }
    }
}
