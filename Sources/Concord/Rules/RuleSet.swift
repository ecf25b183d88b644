import Foundation

/// The rules directory: finds it, reads its YAML files once, and hands each stage the files
/// of its kind (`money/en.yaml`, `money/fr.yaml`, ...).
public struct RuleSet: Sendable {
    /// The directory the rules were read from.
    public let directory: URL
    private let files: [String: RuleFile]

    /// Reads every `.yaml` file below `directory`, each with its `examples:` block if
    /// `examples` (for `rules check` and the tests; extraction needs none). Throws the first
    /// file that does not parse.
    public init(directory: URL, examples: Bool = true) throws {
        self.directory = directory
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RuleError(origin: RuleOrigin(file: directory.path, line: 0), message: "no rules directory here")
        }
        var files: [String: RuleFile] = [:]
        let root = directory.standardizedFileURL.path
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") else { continue }
            let url = directory.appendingPathComponent(relative)
            let yaml: String
            do {
                yaml = try String(contentsOf: url, encoding: .utf8)
            } catch {
                throw RuleError(origin: RuleOrigin(file: relative, line: 0), message: "cannot read: \(error.localizedDescription)")
            }
            files[relative] = try RuleFile(path: relative, yaml: yaml, examples: examples)
        }
        self.files = files
    }

    /// The file at `path` (relative to the rules directory), if present.
    public func file(_ path: String) -> RuleFile? { files[path] }

    /// Every file in the folder `kind` (e.g. `money`), in path order.
    public func files(in kind: String) -> [RuleFile] {
        files.keys.filter { $0.hasPrefix(kind + "/") }.sorted().compactMap { files[$0] }
    }

    /// The files in the folder `kind` that name their language (`language: fr`), by language;
    /// `common.yaml`, what the languages share, is none of them.
    public func filesByLanguage(in kind: String) -> [String: RuleFile] {
        Dictionary(files(in: kind).compactMap { file in
            file.path.hasSuffix("/common.yaml") ? nil : file.root["language"]?.scalar.map { ($0, file) }
        }, uniquingKeysWith: { _, last in last })
    }

    /// Every file, in path order.
    public var allFiles: [RuleFile] { files.keys.sorted().compactMap { files[$0] } }

    /// The rules directory to use: `explicit` if given, else `$CONCORD_RULES`, else the
    /// `Rules/` folder of the source tree this binary was built from, else a `Rules/`
    /// beside the executable or one of its parent folders.
    public static func locate(explicit: String? = nil) -> URL {
        if let explicit { return URL(fileURLWithPath: explicit) }
        if let fromEnvironment = ProcessInfo.processInfo.environment["CONCORD_RULES"], !fromEnvironment.isEmpty {
            return URL(fileURLWithPath: fromEnvironment)
        }
        // Sources/Concord/Rules/RuleSet.swift -> the package root.
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [packageRoot.appendingPathComponent("Rules")]
            + ancestors(of: URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath())
                .map { $0.appendingPathComponent("Rules") }
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("README.md").path) } ?? candidates[0]
    }

    private static func ancestors(of url: URL) -> [URL] {
        var result: [URL] = []
        var current = url.deletingLastPathComponent()
        while current.path != "/" && result.count < 8 {
            result.append(current)
            current = current.deletingLastPathComponent()
        }
        return result
    }
}
