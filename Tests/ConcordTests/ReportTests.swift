import Foundation
import Testing
@testable import Concord

/// The JSON and Markdown forms of the report over hand-made records mirroring Corpus/.
@Suite struct ReportTests {
    let report: ConflictReport

    init() throws {
        report = try HandMadeRecords.reconciler().report(for: HandMadeRecords.corpus)
    }

    @Test func jsonRoundTripsWithContractFields() throws {
        let json = try ReportRenderer().render(report, as: .json)
        let decoded = try JSONDecoder().decode(ConflictReport.self, from: Data(json.utf8))
        #expect(decoded == report)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["documents"] as? Int == 3)
        let facts = try #require(object["facts"] as? [[String: Any]])
        let investment = try #require(facts.first { $0["predicate"] as? String == "investment" })
        #expect(investment["subject"] as? String == "Microsoft" && investment["object"] as? String == "Mistral AI" && investment["status"] as? String == "conflict")
        let values = try #require(investment["values"] as? [[String: Any]])
        #expect(values[2]["amount"] as? String == "15000000" && values[2]["currency"] as? String == "EUR" && values[2]["usd"] as? String == "16300000")
        #expect(values[2]["source"] as? String == HandMadeRecords.source003 && values[2]["line"] as? Int == 17 && values[2]["text"] as? String == "€15 million")
        let findings = try #require(investment["findings"] as? [[String: Any]])
        #expect(findings.map { $0["kind"] as? String } == ["consistent-after-conversion", "rounding", "discrepancy"])
        let rate = try #require(findings[0]["rate"] as? [String: Any])
        #expect(rate["from"] as? String == "EUR" && rate["to"] as? String == "USD" && rate["value"] as? String == "1.0867")
        #expect(rate["source"] as? String == "\(HandMadeRecords.source003):17")
    }

    @Test func jsonIsByteIdenticalAcrossRuns() throws {
        let again = try HandMadeRecords.reconciler().report(for: HandMadeRecords.corpus.reversed())
        #expect(try ReportRenderer().render(again, as: .json) == ReportRenderer().render(report, as: .json))
    }

    @Test func markdownSummaryThenConflictsFirst() throws {
        let markdown = try ReportRenderer().render(report, as: .md)
        #expect(markdown.contains("| Facts | Conflicts | Documents |\n| ---: | ---: | ---: |\n| 6 | 3 | 3 |"))
        let conflicts = try #require(markdown.range(of: "## Conflicts"))
        let consistent = try #require(markdown.range(of: "## Consistent facts"))
        #expect(conflicts.lowerBound < consistent.lowerBound)
        let investment = try #require(markdown.range(of: "### Microsoft · investment · Mistral AI: conflict"))
        #expect(investment.lowerBound < consistent.lowerBound)
        #expect(markdown.contains("### Mistral AI · funding-round (round: Series A): consistent"))
    }

    @Test func markdownQuotesEveryValueWithSourceAndLine() throws {
        let markdown = try ReportRenderer().render(report, as: .md)
        #expect(markdown.contains("| 0 | \(HandMadeRecords.source003):1 | “$16 Million” | USD 16,000,000 | 16,000,000 |"))
        #expect(markdown.contains("| 1 | \(HandMadeRecords.source003):9 | “6 million” | no currency 6,000,000 |  |"))
        #expect(markdown.contains("| 4 | \(HandMadeRecords.source004):20 | “€15 million” | EUR 15,000,000 | 16,300,000 (1 EUR = 1.0867 USD, \(HandMadeRecords.source004):20) |"))
        #expect(markdown.contains("- **Rounding** (values 0, 3, 5): “$16 Million” is “$16.3 million” rounded to the nearest million, the digits it shows."))
        #expect(markdown.contains("- **Discrepancy** (values 0, 1): “6 million” names no currency"))
        #expect(markdown.contains("- **List mismatch**"))
    }

    @Test func datesShowTheirPeriodAndWhetherAPublishingDayStandsForThem() throws {
        var dated004 = HandMadeRecords.record004
        dated004.claims[4].details = ["dated": "document"]
        let report = try HandMadeRecords.reconciler().report(for: [HandMadeRecords.record000, dated004])
        let markdown = try ReportRenderer().render(report, as: .md)
        #expect(markdown.contains("| 0 | \(HandMadeRecords.source000):43 | “November 2023” | 2023-11 (2023-11-01 to 2023-11-30) |  |"))
        #expect(markdown.contains("| 1 | \(HandMadeRecords.source004):36 | “Feb. 27, 2024” | 2024-02-27 (publishing day) |  |"))
        #expect(markdown.contains("dates it 2023-11 (2023-11-01 to 2023-11-30) but “Feb. 27, 2024” (\(HandMadeRecords.source004):36) dates it 2024-02-27: the days they state do not overlap."))
        let json = try ReportRenderer().render(report, as: .json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let partnership = try #require((object["facts"] as? [[String: Any]])?.first { $0["predicate"] as? String == "partnership" })
        let values = try #require(partnership["values"] as? [[String: Any]])
        #expect(values[0]["period"] as? [String: String] == ["start": "2023-11-01", "end": "2023-11-30"])
        #expect(values[1]["period"] == nil && values[1]["publishingDate"] as? Bool == true)
    }

    @Test func emptyReportSaysSo() throws {
        let markdown = try ReportRenderer().render(ConflictReport(documents: 2, facts: []), as: .md)
        #expect(markdown.contains("| 0 | 0 | 2 |") && markdown.contains("No claims to compare"))
    }
}
