import Foundation
import Testing
import TestSupport

/// No file of the repository names a path of a developer's machine: what a comment or a test
/// needs to find is found from the repository's root.
@Suite struct RepositoryPathTests {
    /// Built from parts so this file does not name them itself.
    static let machinePaths = ["work", "root", "home", "Users"].map { "/" + $0 + "/" }
    static let skipped: Set<String> = [".build", ".git", ".swiftpm"]

    @Test func noFileNamesAPathOfAMachine() throws {
        let root = URL(fileURLWithPath: repositoryRoot)
        var files = 0
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isDirectoryKey])
        while let url = walker?.nextObject() as? URL {
            // `.build*` is ignored by git: the builds and the Anki check's virtual environment.
            if Self.skipped.contains(url.lastPathComponent) || url.lastPathComponent.hasPrefix(".build") { walker?.skipDescendants(); continue }
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
