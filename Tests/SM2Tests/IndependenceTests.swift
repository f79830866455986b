import Foundation
import Testing

/// The scheduler is pure: no clock, no database, no terminal. The strongest form of that is that
/// Sources/SM2 imports nothing at all (not even Foundation), and never traps on its input.
@Suite("SM2 depends on nothing")
struct IndependenceTests {
    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/SM2")

    static func sourceFiles() throws -> [(name: String, text: String)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: sources.path)
            .filter { $0.hasSuffix(".swift") }.sorted()
        return try names.map { ($0, try String(contentsOf: sources.appendingPathComponent($0), encoding: .utf8)) }
    }

    @Test func sourcesImportNothing() throws {
        let files = try Self.sourceFiles()
        #expect(files.count >= 7)
        for (name, text) in files {
            let imports = text.split(separator: "\n").filter {
                let line = $0.drop { $0 == " " || $0 == "\t" }
                return line.hasPrefix("import ") || line.hasPrefix("@_exported") || line.hasPrefix("@testable")
            }
            #expect(imports.isEmpty, "\(name): \(imports)")
        }
    }

    @Test func sourcesNeverTrapOnPurpose() throws {
        for (name, text) in try Self.sourceFiles() {
            for banned in ["try!", "fatalError(", "as! ", "precondition(", "Date("] {
                #expect(!text.contains(banned), "\(name) contains \(banned)")
            }
        }
    }
}
