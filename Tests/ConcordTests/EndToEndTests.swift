import Foundation
import Testing
@testable import Concord

/// The whole pipeline on Corpus/, through the built `concord` binary, against expectations
/// checked by hand against the three seed articles.
@Suite(.serialized) struct EndToEndTests {
    @Test func corpusReportHoldsTheMicrosoftMistralInvestmentConflict() throws {
        let run = try ConcordBinary.run(["conflicts", "Corpus", "--format", "json"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("concord: 3 documents, 0 failed"))
        let report = try JSONDecoder().decode(ConflictReport.self, from: Data(run.stdout.utf8))
        #expect(report.documents == 3)
        let facts = report.facts.filter { $0.subject == "Microsoft" && $0.predicate == "investment" && $0.object == "Mistral AI" }
        let fact = try #require(facts.count == 1 ? facts.first : nil, "exactly one Microsoft→Mistral AI investment fact")
        #expect(fact.status == .conflict)

        // €15 million (003, 004), $16.3 million (003, 004), $16 Million (003's headline), 6 million (003).
        let described = fact.values.map { "\($0.amount?.description ?? "-") \($0.currency ?? "null")" }.sorted()
        #expect(described == ["15000000 EUR", "15000000 EUR", "16000000 USD", "16300000 USD", "16300000 USD", "6000000 null"])
        #expect(Set(fact.values.filter { $0.currency == "EUR" }.map(\.source)) == ["Corpus/003_791e63e7b74a6ca2.txt", "Corpus/004_f27881c4a8e299fc.txt"])
        let headline = try #require(fact.values.first { $0.amount == ExactDecimal(16_000_000) })
        #expect(headline.source == "Corpus/003_791e63e7b74a6ca2.txt" && headline.line == 1 && headline.text == "$16 Million")
        let garbled = try #require(fact.values.first { $0.currency == nil })
        #expect(garbled.line == 9 && garbled.text == "6 million")

        func indexes(_ predicate: (FactValue) -> Bool) -> Set<Int> {
            Set(fact.values.indices.filter { predicate(fact.values[$0]) })
        }
        let euros = indexes { $0.currency == "EUR" }
        let dollars163 = indexes { $0.amount == ExactDecimal(16_300_000) }
        let sixMillion = indexes { $0.currency == nil }
        let headlineIndex = indexes { $0.amount == ExactDecimal(16_000_000) }

        let conversions = fact.findings.filter { $0.kind == .consistentAfterConversion }
        #expect(!conversions.isEmpty)
        let converted = conversions.reduce(into: Set<Int>()) { $0.formUnion($1.values) }
        #expect(euros.isSubset(of: converted) && dollars163.isSubset(of: converted))
        for finding in conversions {
            let rate = try #require(finding.rate, "a conversion names its rate")
            #expect(rate.from == "EUR" && rate.to == "USD")
            #expect(rate.value.rounded(scale: 4) == ExactDecimal("1.0867")!)
            #expect(rate.source.hasPrefix("Corpus/00"), "the rate the articles state, not the table")
        }
        let rounding = fact.findings.filter { $0.kind == .rounding }
        #expect(rounding.contains { !headlineIndex.isDisjoint(with: $0.values) })
        #expect(!rounding.contains { !sixMillion.isDisjoint(with: $0.values) })
        let discrepancies = fact.findings.filter { $0.kind == .discrepancy }
        #expect(discrepancies.contains { !sixMillion.isDisjoint(with: $0.values) })
        #expect(!discrepancies.contains { !euros.isDisjoint(with: $0.values) || !dollars163.isDisjoint(with: $0.values) })
    }

    /// 000 places the partnership's announcement at Microsoft Ignite in November 2023 (line
    /// 43); 004, published Feb. 27, 2024 (its update note, line 36), reports it as news. That
    /// is the report's only date discrepancy: 000's own publishing day is not set against
    /// its November 2023.
    @Test func corpusPartnershipIsTheOnlyDateDiscrepancy() throws {
        let run = try ConcordBinary.run(["conflicts", "Corpus", "--format", "json"])
        let report = try JSONDecoder().decode(ConflictReport.self, from: Data(run.stdout.utf8))
        let dated = report.facts.flatMap { fact in fact.findings.filter { $0.kind == .dateDiscrepancy }.map { (fact, $0) } }
        let (fact, finding) = try #require(dated.count == 1 ? dated.first : nil, "exactly one date discrepancy, got \(dated.count)")
        #expect(fact.subject == "Microsoft" && fact.predicate == "partnership" && fact.object == "Mistral AI")
        let values = finding.values.map { fact.values[$0] }
        #expect(values.map { "\($0.source):\($0.line)" } == ["Corpus/000_f04260d33bd6e71a.txt:43", "Corpus/004_f27881c4a8e299fc.txt:36"])
        #expect(values[0].date == "2023-11" && values[0].period == DatePeriod(start: "2023-11-01", end: "2023-11-30") && values[0].publishingDate == nil)
        #expect(values[1].date == "2024-02-27" && values[1].period == nil && values[1].publishingDate == true)
    }

    @Test func markdownReportSaysItInPlainWords() throws {
        let run = try ConcordBinary.run(["conflicts", "Corpus"])
        #expect(run.status == 0)
        let markdown = run.stdout
        for quoted in ["Corpus/003_791e63e7b74a6ca2.txt:1", "Corpus/003_791e63e7b74a6ca2.txt:9", "Corpus/004_f27881c4a8e299fc.txt:"] {
            #expect(markdown.contains(quoted), "quotes \(quoted)")
        }
        #expect(markdown.contains("€15 million") && markdown.contains("$16.3 million") && markdown.contains("6 million"))
        #expect(markdown.lowercased().contains("discrepancy") && markdown.lowercased().contains("rounding"))
    }

    @Test func stdinArticleGivesOneRecordWithExactlyItsMoney() throws {
        let article = try Data(contentsOf: Fixtures.root.appendingPathComponent("Corpus/004_f27881c4a8e299fc.txt"))
        let run = try ConcordBinary.run(["extract"], stdin: article)
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let record = try RecordCoding.record(from: String(lines[0]))
        #expect(record.source == "-")
        #expect(record.money.map(\.text) == ["$415 million", "$10 billion", "€15 million", "$16.3 million", "$113 million", "$2 billion"])
        let euros = try #require(record.money.first { $0.currency == "EUR" })
        #expect(euros.amount == ExactDecimal(15_000_000))
        #expect(euros.equivalent.map { record.money[$0].text } == "$16.3 million")
        // Offsets point into the original text (scalars), whatever the line.
        let original = Array(String(decoding: article, as: UTF8.self).unicodeScalars)
        for mention in record.money {
            #expect(String(String.UnicodeScalarView(original[mention.start..<mention.end])) == mention.text)
        }
    }

    @Test func badInputsAreNamedAndTheGoodOnesStillProcessed() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("concord-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("Acme raised $5 million in a seed round.\n".utf8).write(to: directory.appendingPathComponent("a_good.txt"))
        try Data([0x7F, 0x45, 0x4C, 0x46, 0, 0, 1, 0]).write(to: directory.appendingPathComponent("b_binary.txt"))
        // Tests run as root, which reads any mode: a FIFO stands for a file that cannot be read.
        #expect(mkfifo(directory.appendingPathComponent("c_unreadable.txt").path, 0o644) == 0)
        let missing = directory.appendingPathComponent("missing.txt").path
        let run = try ConcordBinary.run(["extract", directory.path, missing])
        #expect(run.status == 1)
        let records = try run.stdout.split(separator: "\n").map { try RecordCoding.record(from: String($0)) }
        #expect(records.map(\.id) == ["a_good"])
        #expect(records.first?.money.map(\.text) == ["$5 million"])
        #expect(run.stderr.contains("b_binary.txt") && run.stderr.contains("binary"))
        #expect(run.stderr.contains("c_unreadable.txt"))
        #expect(run.stderr.contains("missing.txt") && run.stderr.contains("no such file"))
        #expect(run.stderr.contains("concord: 1 documents, 3 failed"))
    }

    @Test func brokenRuleIsReportedWithFileAndLine() throws {
        let rules = FileManager.default.temporaryDirectory.appendingPathComponent("concord-rules-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Fixtures.root.appendingPathComponent("Rules"), to: rules)
        defer { try? FileManager.default.removeItem(at: rules) }
        try Data("examples:\n  match: [\n".utf8).write(to: rules.appendingPathComponent("broken.yaml"))
        let run = try ConcordBinary.run(["rules", "check", "--rules", rules.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("broken.yaml:"))
        let good = try ConcordBinary.run(["rules", "check"])
        #expect(good.status == 0)
    }
}
