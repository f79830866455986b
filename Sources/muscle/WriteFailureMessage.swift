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
}
