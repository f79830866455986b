import Foundation
import MuscleMemory

// muscle-manual: the man page (mdoc) of `muscle`, made from the command definitions themselves,
// as swift-argument-parser describes them (`muscle --experimental-dump-help`, its tool-info JSON),
// so the page can never describe options the program does not have. `make man` writes
// Docs/muscle.1 with it, and a test regenerates the page and compares.
//
//     muscle-manual PATH-TO-MUSCLE > Docs/muscle.1

guard CommandLine.arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: muscle-manual PATH-TO-MUSCLE > Docs/muscle.1\n".utf8))
    exit(64)
}
let process = Process()
process.executableURL = URL(fileURLWithPath: CommandLine.arguments[1])
process.arguments = ["--experimental-dump-help"]
let pipe = Pipe()
process.standardOutput = pipe
do {
    try process.run()
} catch {
    FileHandle.standardError.write(Data("muscle-manual: cannot run '\(CommandLine.arguments[1])': \(error)\n".utf8))
    exit(66)
}
let json = pipe.fileHandleForReading.readDataToEndOfFile()
process.waitUntilExit()
do {
    let info = try JSONDecoder().decode(ToolInfo.self, from: json)
    FileHandle.standardOutput.write(Data(ManualPage.render(info.command).utf8))
} catch {
    FileHandle.standardError.write(Data("muscle-manual: the tool-info output cannot be read: \(error)\n".utf8))
    exit(65)
}
