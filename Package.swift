// swift-tools-version: 6.1
import PackageDescription

let argumentParser: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")
let grdb: Target.Dependency = .product(name: "GRDB", package: "GRDB.swift")

/// Release binaries on Linux link the Swift runtime and Foundation statically: a dynamically
/// linked Swift process spends about 7 ms resolving libFoundation and libswiftCore before `main`,
/// more than half of what `muscle study` needs to show its first card (Benchmarks/README.md, "What
/// moved the figures"). Debug builds, which the tests run, stay dynamic and quick to link.
/// `-static-stdlib` alone does not bring in what the static Foundation itself needs (its libraries'
/// own link entries are not read from inside an archive: Swift 6.3.1 stops with thousands of
/// undefined CoreFoundation and ICU symbols), so they are named here, after Foundation.
let staticRuntime: [LinkerSetting] = [
    .unsafeFlags(
        ["-static-stdlib", "-lFoundation", "-lFoundationInternationalization", "-lFoundationEssentials", "-lCoreFoundation",
         "-l_FoundationICU", "-l_FoundationCShims", "-l_FoundationCollections", "-lswiftSynchronization", "-lstdc++"],
        .when(platforms: [.linux], configuration: .release)),
]

let package = Package(
    name: "MuscleMemory",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "muscle", targets: ["muscle"]),
        .executable(name: "muscle-bench", targets: ["muscle-bench"]),
        .executable(name: "muscle-manual", targets: ["muscle-manual"]),
        .library(name: "MuscleMemory", targets: ["MuscleMemory"]),
        .library(name: "SM2", targets: ["SM2"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // The scheduler: pure functions over value types, no Foundation clock, no I/O.
        .target(name: "SM2"),

        // The core: decks, storage, the study engine and reports. Never prints, never reads the clock.
        // The bundled decks (`Decks/`) and the SQL migrations (`Schema/`) are compiled in as source
        // by the EmbedFiles plugin, so the binary works from any directory with no resource bundle.
        .target(
            name: "MuscleMemory",
            dependencies: ["SM2", grdb, .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            plugins: ["EmbedFiles"]
        ),

        // The command-line front end: argument parsing and the terminal.
        .executableTarget(name: "muscle", dependencies: ["MuscleMemory", "SM2", argumentParser], linkerSettings: staticRuntime),

        // The benchmark (`swift run -c release muscle-bench`).
        .executableTarget(name: "muscle-bench", dependencies: ["MuscleMemory", "SM2", "SeededRandom", argumentParser], linkerSettings: staticRuntime),

        // The man page (Docs/muscle.1) from `muscle --experimental-dump-help` (`make man`).
        .executableTarget(name: "muscle-manual", dependencies: ["MuscleMemory"]),

        // The seeded generator the benchmark's collections and the random tests are replayed from.
        .target(name: "SeededRandom"),

        // Build-time tool and plugin that turn `Decks/` and `Schema/` into Swift source.
        .executableTarget(name: "embed-files"),
        .plugin(name: "EmbedFiles", capability: .buildTool(), dependencies: ["embed-files"]),

        // What every test target shares: temporary folders, seeds, text diffs, golden files.
        .target(name: "TestSupport", dependencies: ["SeededRandom"], path: "Tests/TestSupport"),

        .testTarget(name: "SM2Tests", dependencies: ["SM2", "TestSupport"]),
        // Golden files are read by path (#filePath), not bundled as resources.
        .testTarget(name: "MuscleMemoryTests", dependencies: ["MuscleMemory", "SM2", "TestSupport", grdb, .product(name: "ZIPFoundation", package: "ZIPFoundation")], exclude: ["Report/Golden", "Interop/Golden"]),
        // End-to-end tests: they run the built `muscle` binary.
        .testTarget(name: "muscleTests", dependencies: ["muscle", "muscle-bench", "muscle-manual", "MuscleMemory", "TestSupport", grdb], exclude: ["Support/Shim", "Golden"]),
    ]
)
