import Foundation
import MuscleMemory

/// This build of the program, for what it stores that a build computes (the exam's generated
/// items): its version and its executable file's identity, size and modification time, so a
/// rebuild or a reinstall counts as another program and generates again. Nil when the executable
/// cannot be found: then nothing stored is trusted.
enum ProgramIdentity {
    static let current: String? = {
        guard let path = Bundle.main.executablePath, case .success(let status) = FileSystem.status(path) else { return nil }
        return "\(MuscleVersion.number) \(status.identity.device) \(status.identity.inode) \(status.size) \(status.modified)"
    }()
}
