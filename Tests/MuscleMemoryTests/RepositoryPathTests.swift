import Foundation
import Testing
import TestSupport

/// No file of the repository names a path of a developer's machine: what a comment or a test
/// needs to find is found from the repository's root.
@Suite struct RepositoryPathTests {
    /// Built from parts so this file does not name them itself.
    static let machinePaths = ["work", "root", "home", "Users"].map { "/" + $0 + "/" }
    /// Build folders (`.build`, `.build-release`, … as `.gitignore` has them), git and SwiftPM state.
    static func isSkipped(_ name: String) -> Bool { name.hasPrefix(".build") || name == ".git" || name == ".swiftpm" }

    @Test func noFileNamesAPathOfAMachine() throws {
        let root = URL(fileURLWithPath: repositoryRoot)
        var files = 0
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isDirectoryKey])
        while let url = walker?.nextObject() as? URL {
            if Self.isSkipped(url.lastPathComponent) { walker?.skipDescendants(); continue }
            guard (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) != true,
                  let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else { continue }
            files += 1
            for path in Self.machinePaths {
                #expect(!text.contains(path), "\(url.path.dropFirst(root.path.count + 1)) names \(path)")
            }
        }
        #expect(files > 100)
    }
}
