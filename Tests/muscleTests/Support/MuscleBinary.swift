import Foundation

/// The built executables, found beside the test bundle (`.build/<config>/`), where `swift test`
/// puts them: the test target depends on them, so they are always built first.
enum MuscleBinary {
    static var productsFolder: URL {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        // On Linux the runner is `.build/debug/MuscleMemoryPackageTests.xctest`; elsewhere it may be
        // inside a bundle: walk up until the folder holds `muscle`.
        for _ in 0..<4 {
            if FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("muscle").path) { return folder }
            folder.deleteLastPathComponent()
        }
        return runner.deletingLastPathComponent()
    }

    static var muscle: String { productsFolder.appendingPathComponent("muscle").path }
    static var bench: String { productsFolder.appendingPathComponent("muscle-bench").path }
}
