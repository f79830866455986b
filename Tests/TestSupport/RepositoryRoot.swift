import Foundation

/// The repository root, found from this source file's path, for tests that read `Decks/`, `Docs/`,
/// `Schema/` or `Sources/`.
public let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
    }
    return FileManager.default.currentDirectoryPath
}()

/// The text of a file of the repository, by its path from the root ("Docs/SM2.md").
public func repositoryFile(_ relative: String) throws -> String {
    try String(contentsOfFile: repositoryRoot + "/" + relative, encoding: .utf8)
}

/// The Swift files under a folder of the repository ("Sources/MuscleMemory"), by path from the root, sorted.
public func repositorySwiftFiles(under folder: String) -> [(path: String, text: String)] {
    let base = repositoryRoot + "/" + folder
    let paths = FileManager.default.enumerator(atPath: base)?.compactMap { $0 as? String } ?? []
    return paths.filter { $0.hasSuffix(".swift") }.sorted().compactMap { relative in
        (try? String(contentsOfFile: base + "/" + relative, encoding: .utf8)).map { (folder + "/" + relative, $0) }
    }
}
