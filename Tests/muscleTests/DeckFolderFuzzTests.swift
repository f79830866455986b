#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import MuscleMemory
import Testing
import TestSupport

/// Random hostile deck folders (FIFOs, device links, link cycles, deep nesting, huge lines, names
/// that are not UTF-8 or hold escapes and spaces, mutated bytes) through the built `muscle lint`
/// and `muscle cards`: never a hang, never a crash, exit 0 or 1, and not one control character
/// on the terminal. Seeded: a failure names its seed and round, and `MUSCLE_FUZZ_SEED=<seed>`
/// replays it.
@Suite struct DeckFolderFuzzTests {
    static let rounds = 24

    @Test func hostileDeckFoldersNeverHangCrashOrPrintControls() throws {
        let seed = ProcessInfo.processInfo.environment["MUSCLE_FUZZ_SEED"].flatMap { UInt64($0) } ?? 0x15A_F022
        var rng = SplitMix64(seed: seed)
        let sandbox = Sandbox()
        let decks = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Decks")
        let bases = [Fixtures.soleus, Fixtures.piriformis, try String(contentsOf: decks.appendingPathComponent("leg-foot/gastrocnemius.md"), encoding: .utf8)]
        for round in 0..<Self.rounds {
            let folder = "round-\(round)"
            var made: [String] = []
            try FileManager.default.createDirectory(atPath: sandbox.file(folder), withIntermediateDirectories: true)
            for entry in 0..<Int.random(in: 1...7, using: &rng) {
                made.append(try Self.addEntry(entry, in: sandbox.file(folder), bases: bases, rng: &rng))
            }
            let context = "seed \(seed), round \(round): \(made.joined(separator: ", "))"
            for command in ["lint", "cards"] {
                let result = sandbox.run([command, folder], environment: ["SWIFT_BACKTRACE": "enable=no"], timeout: .seconds(30))
                #expect(!result.timedOut, "\(command) hung; \(context)")
                #expect(!result.signalled, "\(command) crashed (signal \(result.exitCode)); \(context)\n\(result.stderr.suffix(2000))")
                #expect([0, 1].contains(result.exitCode), "\(command) exited \(result.exitCode); \(context)\n\(result.stderr.suffix(2000))")
                let printed = result.stdout + result.stderr
                // Tabs separate the columns of piped `cards`; nothing else below U+0020 but line ends.
                let control = printed.unicodeScalars.first { $0.value < 0x20 && $0 != "\n" && $0 != "\t" || $0.value == 0x7F || (0x80...0x9F).contains($0.value) }
                #expect(control == nil, "\(command) printed U+\(String(control?.value ?? 0, radix: 16)); \(context)")
            }
            // FileManager cannot remove names that are not UTF-8; rm can.
            _ = ProcessRunner.run("/bin/rm", ["-rf", sandbox.file(folder)], environment: [:], directory: sandbox.path)
        }
    }

    /// Adds one random entry to the deck folder and says what it was. Names are unique (`number`),
    /// so a file is never written through an earlier entry's link to a device.
    static func addEntry(_ number: Int, in folder: String, bases: [String], rng: inout SplitMix64) throws -> String {
        let depth = Int.random(in: 0...3, using: &rng) == 0 ? Int.random(in: 1...40, using: &rng) : Int.random(in: 0...2, using: &rng)
        let parent = (0..<depth).map { _ in String(repeating: "d", count: Int.random(in: 1...3, using: &rng)) }.joined(separator: "/")
        let base = folder + (parent.isEmpty ? "" : "/" + parent)
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        let name = oddName(number, &rng)
        let path = RawName(Array(base.utf8) + [UInt8(ascii: "/")] + name)
        let shown = String(decoding: name, as: UTF8.self).debugDescription + (depth > 0 ? " at depth \(depth)" : "")
        switch Int.random(in: 0..<9, using: &rng) {
        case 0:
            _ = mkfifo(path.cString, 0o644)
            return "FIFO \(shown)"
        case 1:
            let device = ["/dev/zero", "/dev/urandom", "/dev/null", "/dev/tty", "/dev/stdin"].randomElement(using: &rng) ?? "/dev/zero"
            _ = symlink(device, path.cString)
            return "link to \(device) \(shown)"
        case 2:
            _ = symlink(["..", ".", folder, "../" + (parent.split(separator: "/").last.map(String.init) ?? ".")].randomElement(using: &rng) ?? "..", path.cString)
            return "link cycle \(shown)"
        case 3:
            let line = String(repeating: "calf ", count: Int.random(in: 10_000...50_000, using: &rng))
            path.write(Array(("# Huge\nOrigin: " + line + "\n## Cards\nQ: " + line + "?\nA: yes\n").utf8))
            return "huge lines \(shown)"
        case 4:
            path.write([])
            let fd = open(path.cString, O_WRONLY)
            _ = ftruncate(fd, off_t(Int.random(in: 4_194_305...(1 << 34), using: &rng)))
            close(fd)
            return "sparse huge file \(shown)"
        default:
            let text = bases.randomElement(using: &rng) ?? ""
            path.write(mutate(Array(text.utf8), &rng))
            return "mutated deck file \(shown)"
        }
    }

    /// A deck file name: usually plain, sometimes with bytes that are not UTF-8, escape sequences,
    /// spaces, line breaks or a leading dash.
    static func oddName(_ number: Int, _ rng: inout SplitMix64) -> [UInt8] {
        let stems: [[UInt8]] = [
            Array("soleus".utf8), Array("two words".utf8), Array("-rf".utf8), Array("caf".utf8) + [0xE9],
            [0xFF, 0xFE], Array("\u{1B}]0;pwned\u{07}".utf8), Array("\u{1B}[2J".utf8), Array("line\nbreak".utf8),
            Array("tab\there".utf8), Array("\u{202E}gpj".utf8), Array("日本".utf8), Array("*?[".utf8), Array("\r".utf8),
        ]
        let stem = stems.randomElement(using: &rng) ?? []
        let suffix = [".md", ".md", ".md", ".markdown", ".MD", ""].randomElement(using: &rng) ?? ".md"
        return stem + Array("-\(number)".utf8) + Array(suffix.utf8)
    }

    /// Byte-level damage: flips, deletions, inserted control and non-UTF-8 bytes, repeats, cuts.
    static func mutate(_ bytes: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<Int.random(in: 0...12, using: &rng) where !bytes.isEmpty {
            let at = Int.random(in: 0..<bytes.count, using: &rng)
            switch Int.random(in: 0..<6, using: &rng) {
            case 0: bytes[at] ^= UInt8(1 << Int.random(in: 0...7, using: &rng))
            case 1: bytes.remove(at: at)
            case 2: bytes.insert(contentsOf: [[0x1B, 0x5B, 0x32, 0x4A], [0x0D], [0x00], [0xC3], [0xE2, 0x80, 0xAE], [0x9B]].randomElement(using: &rng) ?? [], at: at)
            case 3: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + Int.random(in: 1...200, using: &rng))], at: at)
            case 4: bytes = Array(bytes[..<at])
            default: bytes[at] = UInt8.random(in: 0...255, using: &rng)
            }
        }
        return bytes
    }
}
