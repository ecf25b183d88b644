import ArgumentParser
import Concord
import Foundation

/// Options shared by `extract` and `conflicts` (CONTRACT.md, "Commands").
struct CommonOptions: ParsableArguments {
    @Argument(help: "Files or directories to read; '-' (or nothing, with piped input) reads stdin.")
    var paths: [String] = []

    @Option(help: "The rules directory (default: $CONCORD_RULES, else the Rules/ of this build).")
    var rules: String?

    @Option(help: "Worker threads (default: every core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Progress on stderr: auto (only on a terminal), always or never.")
    var progress: ProgressMode = .auto

    @Option(name: .customLong("reference-date"), help: "Anchor for relative dates in documents that state no date (YYYY-MM-DD).")
    var referenceDate: String?

    @Option(name: .customLong("stdin-format"), help: "How to read stdin: text, html or jsonl.")
    var stdinFormat: StdinFormat?

    @Option(help: "Language of every document (BCP 47: en, en-GB, fr-CA); overrides detection.")
    var language: String?

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if let referenceDate, referenceDate.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) == nil {
            throw ValidationError("--reference-date must be YYYY-MM-DD, not '\(referenceDate)'")
        }
        if let language, LanguageTag(language) == nil {
            throw ValidationError("--language must be a language tag such as en, en-GB or fr-CA, not '\(language)'")
        }
    }

    /// The inputs: the paths given, or stdin when there are none and stdin is not a terminal.
    func inputs() throws -> [Result<Input, InputFailure>] {
        if paths.isEmpty {
            guard isatty(STDIN_FILENO) == 0 else {
                throw ValidationError("no input: give files or directories, or pipe a document to stdin")
            }
            return [.success(.standardInput)]
        }
        return InputWalker().inputs(for: paths)
    }

    /// Loads and compiles the rules; a rule error is a usage error (exit 2, nothing written).
    func extraction() throws -> Extraction {
        do {
            let ruleSet = try RuleSet(directory: RuleSet.locate(explicit: rules))
            return try Extraction(rules: ruleSet, options: .init(referenceDate: referenceDate, language: language.flatMap(LanguageTag.init)))
        } catch let error as RuleError {
            Diagnostics.error("invalid rules: \(error)")
            throw ExitCode(2)
        }
    }
}

enum ProgressMode: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

enum StdinFormat: String, ExpressibleByArgument, CaseIterable {
    case text, html, jsonl
}

/// Messages on stderr.
enum Diagnostics {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("concord: \(message)\n".utf8))
    }

    static func line(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}

/// Where output goes: stdout or `--output FILE`.
struct OutputSink {
    private let handle: FileHandle

    init(path: String?) throws {
        guard let path else {
            handle = .standardOutput
            return
        }
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            Diagnostics.error("cannot write \(path)")
            throw ExitCode(2)
        }
        self.handle = handle
    }

    func write(_ text: String) {
        handle.write(Data(text.utf8))
    }
}
