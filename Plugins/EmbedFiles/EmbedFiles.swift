import Foundation
import PackagePlugin

/// Compiles the bundled decks (`Decks/`) and the SQL migrations (`Schema/`) into the target as
/// Swift source, so that the `muscle` binary carries them wherever it is copied: no resource bundle
/// to lose, nothing to look up at run time.
@main
struct EmbedFiles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let folders = ["Decks", "Schema"].map { root.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        var inputs: [URL] = []
        for folder in folders {
            guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
            else { continue }
            for case let url as URL in walker where url.hasDirectoryPath == false {
                inputs.append(url)
            }
        }
        return [
            .buildCommand(
                displayName: "Embedding Decks/ and Schema/",
                executable: try context.tool(named: "embed-files").url,
                arguments: [output.path()] + folders.map { $0.path() },
                inputFiles: inputs + folders,
                outputFiles: [output]
            )
        ]
    }
}
