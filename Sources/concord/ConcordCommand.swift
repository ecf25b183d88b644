import ArgumentParser

/// `concord`: extract structured records from news articles and report where sources disagree.
struct ConcordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concord",
        abstract: "Extract money, dates, entities and claims from news articles and report where sources disagree.",
        subcommands: [ExtractCommand.self, ConflictsCommand.self, RulesCommand.self]
    )
}
