import Foundation
import Testing

/// Expects two whole texts to be equal; when they are not, the recorded issue is a line diff
/// (as swift-argument-parser's `AssertEqualStrings` prints one), not two walls of text.
public func expectSameText(_ actual: String, _ expected: String, _ what: @autoclosure () -> String = "the output",
                           sourceLocation: SourceLocation = #_sourceLocation) {
    guard actual != expected else { return }
    Issue.record(Comment(rawValue: "\(what()) differs from what was expected:\n" + LineDiff.unified(expected: expected, actual: actual)),
                 sourceLocation: sourceLocation)
}

/// Golden files: a folder of expected outputs, compared whole, with a line diff on a mismatch.
///
/// Recording is an explicit mode, never a side effect of a failing run: with
/// `MUSCLE_RECORD_GOLDEN=1` each comparison writes its file and *fails*, so a run that records can
/// never pass by accident. Read the diff of the folder, commit it, and run again without the variable.
public struct GoldenFiles: Sendable {
    public static let recordVariable = "MUSCLE_RECORD_GOLDEN"
    public let folder: String

    /// - Parameter folder: the folder's path from the repository root.
    public init(_ folder: String) {
        self.folder = repositoryRoot + "/" + folder
    }

    public static var isRecording: Bool { ProcessInfo.processInfo.environment[recordVariable] == "1" }

    public func expectMatch(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let path = folder + "/" + name
        if Self.isRecording {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try text.write(toFile: path, atomically: true, encoding: .utf8)
                Issue.record("recorded the golden file \(name); check its diff, then run again without \(Self.recordVariable)", sourceLocation: sourceLocation)
            } catch {
                Issue.record("cannot record the golden file \(path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            Issue.record("there is no golden file \(name); record it with \(Self.recordVariable)=1", sourceLocation: sourceLocation)
            return
        }
        expectSameText(text, expected, "\(name) (if the change is intended, record it with \(Self.recordVariable)=1)", sourceLocation: sourceLocation)
    }
}
