import ArgumentParser
import MuscleMemory

/// A failure the user can act on: printed as `muscle: error: …` on standard error, with an exit
/// code. Every command's `run` goes through `reportingFailures`, so no error escapes as a trace.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    var exitCode: Int32

    init(_ description: String, exitCode: Int32 = 1) {
        self.description = description
        self.exitCode = exitCode
    }
}

/// Runs a command body, turning store errors and command failures into one line on standard error
/// and the matching exit code.
func reportingFailures(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as StoreError {
        Output.error(error.description)
        throw ExitCode(error.exitCode)
    } catch let error as CommandFailure {
        Output.error(error.description)
        throw ExitCode(error.exitCode)
    } catch let error as JSON.EncodingFailure {
        Output.err("muscle: error: \(error.description)\n")
        throw ExitCode(70)  // EX_SOFTWARE: a value the program should never have produced
    }
}
