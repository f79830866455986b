import Foundation

/// The built executables. `swift test` builds them first (the test target depends on them) and
/// puts them beside the test runner: on Linux the runner is `.build/<config>/MuscleMemoryPackageTests.xctest`
/// and `muscle` is `.build/<config>/muscle`; on macOS the runner is inside a bundle a few folders down.
enum MuscleBinary {
    static var muscle: String { path(of: "muscle") }
    static var bench: String { path(of: "muscle-bench") }

    /// The executable's path; when it is missing, where it would be (running it then fails, and
    /// `missing(_:)` says why).
    static func path(of name: String) -> String {
        for folder in searchedFolders where isExecutableFile(folder.appendingPathComponent(name).path) {
            return folder.appendingPathComponent(name).path
        }
        return (searchedFolders.first ?? URL(fileURLWithPath: ".")).appendingPathComponent(name).path
    }

    /// Nil when the executable exists, else a message naming every folder looked in.
    static func missing(_ name: String) -> String? {
        if isExecutableFile(path(of: name)) { return nil }
        return "the '\(name)' executable was not found beside the test runner (looked in \(searchedFolders.map(\.path).joined(separator: ", "))); "
            + "build it with `swift build --build-tests` (with the same --scratch-path and configuration as the tests)"
    }

    /// The runner's own folder (from argv[0], the main bundle and /proc/self/exe, whichever exist)
    /// and up to three parents of each, in that order, without duplicates.
    static let searchedFolders: [URL] = {
        var files = [URL(fileURLWithPath: CommandLine.arguments[0])]
        if let executable = Bundle.main.executableURL { files.append(executable) }
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { files.append(URL(fileURLWithPath: exe)) }
        let starts = files.map { $0.resolvingSymlinksInPath().deletingLastPathComponent() } + [Bundle.main.bundleURL.resolvingSymlinksInPath()]
        var folders: [URL] = []
        for start in starts {
            var folder = start.standardizedFileURL
            for _ in 0..<4 {
                if !folders.contains(folder) { folders.append(folder) }
                folder.deleteLastPathComponent()
            }
        }
        return folders
    }()

    /// A regular file we may execute (a folder such as `Sources/muscle` is "executable" too).
    private static func isExecutableFile(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    }
}
