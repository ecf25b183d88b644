import Foundation
import Synchronization
import Testing
@testable import Concord

/// Grammars compiled per language on first use: made once, only for the languages met, with
/// English standing in; the same records as compiled up front; a language whose rules do not
/// compile fails its own documents and no others.
@Suite struct GrammarsByLanguageTests {
    /// Counts the grammars made, by language.
    final class MadeLog: Sendable {
        let languages = Mutex<[String]>([])
        var made: [String] { languages.withLock { $0 } }
    }

    @Test func makesEachLanguageOnceWhenFirstAskedWithEnglishStandingIn() throws {
        let log = MadeLog()
        let grammars = try GrammarsByLanguage(languages: ["fr", "en", "de"], compilation: .onFirstUse) { language in
            log.languages.withLock { $0.append(language) }
            return "grammar:\(language)"
        }
        #expect(grammars.languages == ["de", "en", "fr"])
        #expect(log.made.isEmpty)
        #expect(try grammars.grammar(for: "fr") == "grammar:fr")
        #expect(try grammars.grammar(for: "fr") == "grammar:fr")
        #expect(try grammars.grammar(for: "pt") == "grammar:en")
        #expect(log.made == ["fr", "en"])
    }

    @Test func eagerMakesEveryLanguageAndThrowsTheFirstError() throws {
        let log = MadeLog()
        _ = try GrammarsByLanguage(languages: ["it", "en"], compilation: .eager) { language in
            log.languages.withLock { $0.append(language) }
        }
        #expect(log.made == ["en", "it"])
        #expect(throws: RuleError.self) {
            _ = try GrammarsByLanguage(languages: ["it", "en"], compilation: .eager) { language in
                if language == "it" { throw RuleError(origin: RuleOrigin(file: "money/it.yaml", line: 3), message: "bad") }
            }
        }
    }

    @Test func aLanguageThatFailsThrowsEachTimeAndOthersStillWork() throws {
        let log = MadeLog()
        let grammars = try GrammarsByLanguage(languages: ["it", "en"], compilation: .onFirstUse) { language in
            log.languages.withLock { $0.append(language) }
            if language == "it" { throw RuleError(origin: RuleOrigin(file: "money/it.yaml", line: 3), message: "bad") }
            return language
        }
        for _ in 0..<2 {
            #expect(throws: RuleError(origin: RuleOrigin(file: "money/it.yaml", line: 3), message: "bad")) { try grammars.grammar(for: "it") }
        }
        #expect(try grammars.grammar(for: "en") == "en")
        #expect(log.made == ["it", "en"], "a failed language is not made again")
    }

    @Test func withoutEnglishAnUnknownLanguageHasNoGrammar() throws {
        let grammars = try GrammarsByLanguage(languages: ["de"], compilation: .onFirstUse) { $0 }
        #expect(try grammars.grammar(for: "es") == nil)
        #expect(try grammars.grammar(for: "de") == "de")
    }

    /// One document per language, and the sample corpus: compiled on first use, the records
    /// are those of the rules compiled up front.
    @Test func recordsAreTheSameAsWithEveryLanguageCompiledFirst() throws {
        let texts = [
            "Acme Corp. said on Tuesday it would buy Zentrix for $16 million, up 12% from its offer of March 3, 2024.",
            "Die Allianz übernahm am 15. März 2025 für 45 Millionen Euro den Versicherer Helvetia, ein Plus von 12 Prozent.",
            "Mistral AI a levé 600 millions d'euros le 11 juin auprès de General Catalyst, soit 20 % de plus.",
            "Telefónica vendió el lunes su filial por 1.245 millones de dólares, un 8 % más.",
            "Intesa Sanpaolo ha acquisito il 30% di Banca Generali per 1,2 miliardi di euro il 3 marzo.",
        ]
        let corpus = try FileManager.default.contentsOfDirectory(atPath: Fixtures.root.appendingPathComponent("Corpus").path).sorted()
            .map { try String(contentsOf: Fixtures.root.appendingPathComponent("Corpus/\($0)"), encoding: .utf8) }
        let documents = (texts + corpus).enumerated().map { Fixtures.document($1, id: "d\($0)", language: nil) }
        let eager = try Extraction(rules: Fixtures.rules, options: .init(referenceDate: "2024-06-12"))
        let lazy = try Extraction(rules: Fixtures.rules, options: .init(referenceDate: "2024-06-12"), compilation: .onFirstUse)
        for document in documents {
            let expected = try eager.record(for: document)
            #expect(try lazy.record(for: document) == expected)
        }
        let languages = try documents.map { try eager.record(for: $0).language }
        #expect(Set(languages) == ["en", "de", "fr", "es", "it"])
    }

    /// A copy of the rules whose German dates do not compile: compiled up front, the rules are
    /// refused naming the file; compiled on first use, the German document fails with that
    /// error and the English one is read.
    @Test func brokenRulesOfOneLanguageFailOnlyItsDocuments() throws {
        let folder = try TemporaryFolder()
        let rules = folder.url.appendingPathComponent("Rules")
        try FileManager.default.copyItem(at: Fixtures.root.appendingPathComponent("Rules"), to: rules)
        let datesFile = rules.appendingPathComponent("dates/de.yaml")
        let lines = try String(contentsOf: datesFile, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.contains { $0.hasPrefix("document_date_cues:") })
        try lines.map { $0.hasPrefix("document_date_cues:") ? "document_date_cues: '(unclosed'" : String($0) }
            .joined(separator: "\n").write(to: datesFile, atomically: true, encoding: .utf8)
        let ruleSet = try RuleSet(directory: rules)
        #expect {
            _ = try Extraction(rules: ruleSet)
        } throws: { error in
            (error as? RuleError)?.origin.file == "dates/de.yaml"
        }

        let extraction = try Extraction(rules: ruleSet, compilation: .onFirstUse)
        try folder.write("corpus/a.txt", "Acme Corp. paid $16 million on March 3, 2024.")
        try folder.write("corpus/b.txt", "Die Allianz zahlte am 3. März 2024 für die Firma 45 Millionen Euro, sagte der Vorstand.")
        var records: [DocumentRecord] = [], failures: [InputFailure] = []
        let summary = Batch(extraction: extraction, jobs: 2).run(
            InputWalker().inputs(for: [folder.path("corpus")]), emit: { records.append($0) }, fail: { failures.append($0) })
        #expect(summary.documents == 1 && summary.failed == 1)
        #expect(records.map(\.id) == ["a"])
        #expect(records.first?.money.map(\.amount) == [16_000_000])
        #expect(failures.count == 1)
        #expect(failures.first.map { $0.path.hasSuffix("b.txt") && $0.reason.contains("dates/de.yaml") } == true)
    }
}

/// Extraction reads the rules without their `examples:` blocks (the rule files' tests).
@Suite struct RulesWithoutExamplesTests {
    @Test func theExamplesBlockIsLeftOutAndTheLinesAfterItKeepTheirNumbers() throws {
        let yaml = """
            language: en
            examples:
              match: ["$5", "€6"]
            - not a key: the block goes on
            # a comment inside it
              no_match:
                - "5 apples"
            words: [a, b]
            bad: '(unclosed'
            """
        let kept = RuleFile.withoutExamples(yaml)
        #expect(kept.split(separator: "\n", omittingEmptySubsequences: false).count == yaml.split(separator: "\n", omittingEmptySubsequences: false).count)
        let file = try RuleFile(path: "money/en.yaml", yaml: yaml, examples: false)
        #expect(file.root["examples"] == nil)
        #expect(try file.root.strings("words") == ["a", "b"])
        #expect(file.root["bad"]?.origin.line == 9)
        #expect(try RuleFile(path: "money/en.yaml", yaml: yaml.replacingOccurrences(of: "- not a key: the block goes on\n", with: "")).root["examples"] != nil)
    }

    /// Every rule file reads the same without its examples, but for them.
    @Test func everyRuleFileHoldsTheSameKeysButItsExamples() throws {
        let withoutExamples = try RuleSet(directory: Fixtures.root.appendingPathComponent("Rules"), examples: false)
        let files = Fixtures.rules.allFiles
        #expect(files.count > 40)
        for file in files {
            let other = try #require(withoutExamples.file(file.path))
            let keys = try file.root.pairs().map(\.key), otherKeys = try other.root.pairs().map(\.key)
            #expect(otherKeys == keys.filter { $0 != "examples" }, "\(file.path)")
            for key in otherKeys {
                #expect(other.root[key]?.origin == file.root[key]?.origin, "\(file.path): \(key)")
            }
        }
    }
}
