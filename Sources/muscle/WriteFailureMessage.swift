import Foundation
import MuscleMemory

extension CommandFailure {
    /// A whole-file writer's failure (`--output`, `--anki`) as one line: a path that cannot be a
    /// file, or a folder that refuses it, is exit 73; a full disk or an I/O error is exit 74. Both
    /// writers replace the file whole or not at all, so an earlier file is named as unchanged.
    static func writing(_ failure: FileSystem.WriteFailure, to path: String, option: String, what: String,
                        exampleName: String, folder: String, notAFileAdvice: String = "") -> CommandFailure {
        switch failure {
        case .isAFolder:
            return CommandFailure("'\(path)' is a folder; give \(option) the path of a file to write, such as '\(path.hasSuffix("/") ? path : path + "/")\(exampleName)'", exitCode: 73)
        case .notARegularFile(let kind):
            return CommandFailure("'\(path)' is \(kind), not a regular file, and \(option) writes a whole file\(notAFileAdvice)", exitCode: 73)
        case .failed(let failure):
            return failed(failure, to: path, what: what, folder: folder)
        }
    }

    /// `import anki`'s failure to write one deck file under `--into` (its path is made by the
    /// import, not given by the user, so the advice names --into, not a file option). Files
    /// written before it are counted: each is whole, and a re-run with --force replaces them.
    static func writingDeckFile(_ failure: FileSystem.WriteFailure, to path: String, into: String, written: Int) -> CommandFailure {
        let before = writtenBefore(written)
        switch failure {
        case .isAFolder:
            return CommandFailure("'\(path)' is a folder, and import anki writes a deck file there; move it aside or give --into another folder\(before)", exitCode: 73)
        case .notARegularFile(let kind):
            return CommandFailure("'\(path)' is \(kind), not a regular file, and import anki writes a deck file there; move it aside or give --into another folder\(before)", exitCode: 73)
        case .failed(let failure):
            let folder = (path as NSString).deletingLastPathComponent
            let message = failed(failure, to: path, what: "deck file", folder: folder.isEmpty ? into : folder)
            return CommandFailure(message.description + before, exitCode: message.exitCode)
        }
    }

    /// `import anki`'s failure to make the folder a deck file goes in (--into, or a muscle's
    /// region folder under it).
    static func makingDeckFolder(_ failure: FileSystem.Failure, for path: String, written: Int) -> CommandFailure {
        let before = writtenBefore(written)
        switch failure.code {
        case ENOTDIR, EEXIST:
            return CommandFailure("'\(failure.path)' is not a folder, and import anki writes '\(path)' under it; move it aside or give --into another folder\(before)", exitCode: 73)
        case ENOSPC, EDQUOT:
            return CommandFailure("the disk holding '\(failure.path)' is full; the deck file '\(path)' was not written\(before). Free some space and try again.", exitCode: 74)
        default:
            return CommandFailure("cannot make the folder '\(failure.path)' for '\(path)': \(failure.reason)\(before)", exitCode: 73)
        }
    }

    private static func writtenBefore(_ written: Int) -> String {
        written == 0 ? "" : " (\(written) deck file\(written == 1 ? "" : "s") before it \(written == 1 ? "was" : "were") written; run again with --force once this is fixed)"
    }

    /// The messages both writers share: the disk, the folder, the system's reason.
    private static func failed(_ failure: FileSystem.Failure, to path: String, what: String, folder: String) -> CommandFailure {
        let unchanged = FileSystem.exists(path) ? "; the earlier '\(path)' is unchanged" : ""
        switch failure.code {
        case ENOSPC, EDQUOT:
            return CommandFailure("the disk holding '\(path)' is full; the \(what) was not written\(unchanged). Free some space and try again.", exitCode: 74)
        case EIO:
            return CommandFailure("a disk error occurred writing '\(path)' (\(failure.reason)); the \(what) was not written\(unchanged).", exitCode: 74)
        case ENOENT:
            return CommandFailure("cannot write '\(path)': the folder '\(folder)' does not exist", exitCode: 73)
        default:
            return CommandFailure("cannot write '\(path)': \(failure.reason)\(unchanged)", exitCode: 73)
        }
    }
}
