import ArgumentParser
import Concord

/// `concord rules check`: compile every rule and run its examples.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Work with the rule files.",
        subcommands: [RulesCheckCommand.self]
    )
}

struct RulesCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Compile every rule; errors are printed as FILE:LINE: message."
    )

    @Option(help: "The rules directory (default: $CONCORD_RULES, else the Rules/ of this build).")
    var rules: String?

    func run() throws {
        let directory = RuleSet.locate(explicit: rules)
        do {
            let ruleSet = try RuleSet(directory: directory)
            _ = try Extraction(rules: ruleSet)
            _ = try Reconciler(rules: ruleSet)
            print("\(directory.path): \(ruleSet.allFiles.count) rule files compiled")
        } catch let error as RuleError {
            Diagnostics.line(error.description)
            throw ExitCode(2)
        }
    }
}
