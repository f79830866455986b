import Foundation

/// Pretty, key-sorted JSON: stable output that diffs and golden files can rely on.
public enum JSON {
    /// A value that JSON cannot hold (a number that is not finite): the command fails with this
    /// error rather than printing `{}` and succeeding.
    public struct EncodingFailure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    static func encode(_ value: some Encodable, snakeCaseKeys: Bool = false) throws(EncodingFailure) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        if snakeCaseKeys { encoder.keyEncodingStrategy = .convertToSnakeCase }
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
        } catch {
            throw EncodingFailure(description: "cannot write the JSON output: \(error)")
        }
    }
}
