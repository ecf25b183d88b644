import Foundation
import Testing
@testable import Concord

/// `concord conflicts` on invented stories told by several outlets in several languages and
/// layouts (Tests/Fixtures/story-sets: a wire story, an HTML page with JSON-LD, JSON lines, a
/// dated plain-text dump), with disagreements written in on purpose. Each set's findings
/// were checked by hand: exactly the conflicts written in, nothing else.
@Suite(.serialized) struct StorySetTests {
    /// The conflicting findings of a set, as "subject · predicate · object: kind" lines.
    static func conflicts(in set: String) throws -> (report: ConflictReport, lines: [String]) {
        let run = try ConcordBinary.run(["conflicts", "Tests/Fixtures/story-sets/\(set)", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try JSONDecoder().decode(ConflictReport.self, from: Data(run.stdout.utf8))
        let lines = report.facts.flatMap { fact in
            fact.findings.filter(\.kind.isConflict).map { "\(fact.subject) · \(fact.predicate) · \(fact.object): \($0.kind.rawValue)" }
        }
        return (report, lines.sorted())
    }

    /// Kelvio's Series B in English, German, French and Spanish: 40 million euros and $43.5
    /// million agree, as do the lead and the dates ("Wednesday", "mercredi", "miércoles");
    /// the German article values the company at €350 million (the others €300 million) and
    /// names a third founder.
    @Test func kelvioSeriesB() throws {
        let (report, lines) = try Self.conflicts(in: "kelvio")
        #expect(lines == [
            "Kelvio · founded-by · : list-mismatch", "Kelvio · founded-by · : list-mismatch", "Kelvio · founded-by · : list-mismatch",
            "Kelvio · valuation · : discrepancy",
        ])
        let round = try #require(report.facts.first { $0.predicate == "funding-round" && $0.object == "Series B" })
        #expect(round.status == .consistent)
        #expect(Set(round.values.compactMap(\.names)) == [["Hartmann Ventures"]])
        #expect(Set(round.values.compactMap(\.date)) == ["2025-03-12"])
        let founders = try #require(report.facts.first { $0.predicate == "founded-by" })
        #expect(Set(founders.values.compactMap(\.names)) == [["Anna Becker", "Jonas von Falkenberg"], ["Anna Becker", "Jonas von Falkenberg", "Lukas Meier"]])
    }

    /// Cortexa's seed round in Italian, Spanish, German and English (JSON lines): the German
    /// article dates the founding 2022 and names one founder, the Spanish one says 5 million
    /// euros, and two articles name one lead where two name both.
    @Test func cortexaSeed() throws {
        let (_, lines) = try Self.conflicts(in: "cortexa")
        #expect(lines == [
            "Cortexa · founded-by · : date-discrepancy", "Cortexa · founded-by · : list-mismatch",
            "Cortexa · funding-round · Seed: discrepancy", "Cortexa · funding-round · Seed: list-mismatch", "Cortexa · funding-round · Seed: list-mismatch",
        ])
    }
}
