import Foundation
import Testing

/// The seed of a random test. A parameterised test takes seeds as its arguments, and Swift Testing
/// names a failing case's argument: its seed, which replays it exactly. A test that picks a fresh
/// seed (`TestSeed.fromEnvironment()`) puts `description` in its failure messages, and
/// `MUSCLE_TEST_SEED` replays it.
public struct TestSeed: Sendable, Hashable, CustomStringConvertible, CustomTestStringConvertible {
    public static let variable = "MUSCLE_TEST_SEED"
    public let value: UInt64

    public init(_ value: UInt64) {
        self.value = value
    }

    /// `MUSCLE_TEST_SEED` when it is set (decimal, or hexadecimal after 0x), otherwise a fresh seed.
    public static func fromEnvironment() -> TestSeed {
        if let text = ProcessInfo.processInfo.environment[variable] {
            let parsed = text.hasPrefix("0x") ? UInt64(text.dropFirst(2), radix: 16) : UInt64(text)
            if let parsed { return TestSeed(parsed) }
        }
        var system = SystemRandomNumberGenerator()
        return TestSeed(system.next())
    }

    /// `count` consecutive seeds from `first`: the arguments of a parameterised random test.
    public static func sequence(from first: UInt64, count: Int) -> [TestSeed] {
        (0..<UInt64(count)).map { TestSeed(first &+ $0) }
    }

    /// A generator started from this seed.
    public var generator: SplitMix64 { SplitMix64(seed: value) }

    public var description: String { "seed 0x\(String(value, radix: 16)) (replay with \(Self.variable)=0x\(String(value, radix: 16)))" }
    public var testDescription: String { "seed 0x\(String(value, radix: 16))" }
}
