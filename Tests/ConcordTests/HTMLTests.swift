import Foundation
import Testing
@testable import Concord

/// The HTML report's structure (the browser check in scripts/lib/browser-check.sh loads it
/// in headless Chromium; these tests check the markup itself).
@Suite struct HTMLTests {
    let html: String

    init() throws {
        html = try ReportRenderer().render(try HandMadeRecords.reconciler().report(for: HandMadeRecords.corpus), as: .html)
    }

    @Test func selfContained() {
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("//cdn"))
        #expect(!html.contains("<link") && !html.contains("<script src") && !html.contains("<img") && !html.contains("@import"))
        #expect(html.contains("<style>") && html.contains("<meta name=\"viewport\""))
        #expect(html.contains("@media print") && html.contains("@media (max-width:40rem)"))
    }

    @Test func summaryAtTheTop() throws {
        let summary = try #require(html.range(of: "id=\"summary\""))
        let firstFact = try #require(html.range(of: "<section class=\"fact"))
        #expect(summary.lowerBound < firstFact.lowerBound)
        #expect(html.contains("<td data-count=\"facts\">6</td><td data-count=\"conflicts\">3</td><td data-count=\"documents\">3</td>"))
    }

    @Test func conflictsFirstAndMarkedForFilters() throws {
        let sections = html.components(separatedBy: "<section class=\"fact ").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(sections == ["conflict", "conflict", "conflict", "consistent", "consistent", "consistent"])
        #expect(html.contains("data-status=\"conflict\" data-kinds=\"consistent-after-conversion rounding discrepancy\""))
        for kind in ["consistent-after-conversion", "rounding", "discrepancy", "date-discrepancy", "list-mismatch"] {
            #expect(html.contains("<option value=\"\(kind)\">"), "filter option for \(kind)")
        }
    }

    @Test func valuesQuoteTheirSentenceWithTheFigureHighlighted() {
        #expect(html.contains("<td data-label=\"Source\" class=\"source\">Corpus/003_791e63e7b74a6ca2.txt:9</td><td data-label=\"Quote\" class=\"quote\">“<mark>6 million</mark> investment in Mistral AI signals"))
        #expect(html.contains("Microsoft made a <mark>€15 million</mark> (about $16.3 million) investment"))
        #expect(html.contains("Microsoft made a €15 million (about <mark>$16.3 million</mark>) investment"))
        #expect(html.contains("founded by <mark>Arthur Mensch</mark>, <mark>Timothée Lacroix</mark>, and <mark>Guillaume Lample</mark>, who"))
    }

    @Test func findingsLinkTheirValues() {
        #expect(html.contains("<li class=\"finding discrepancy\" data-kind=\"discrepancy\"><span class=\"kind\">Discrepancy</span> “6 million” names no currency"))
        #expect(html.contains("(values <a href=\"#fact-1-value-0\">0</a>, <a href=\"#fact-1-value-1\">1</a>)"))
        #expect(html.contains("id=\"fact-1-value-1\""))
    }

    @Test func textIsEscaped() {
        let value = FactValue(source: "a<b>.txt", line: 2, text: "$5 <script>", amount: 5, currency: "USD", sentence: "It cost $5 <script>alert(1)</script> & more.")
        let quoted = HTMLReport.quote(value)
        #expect(quoted == "“It cost <mark>$5 &lt;script&gt;</mark>alert(1)&lt;/script&gt; &amp; more.”")
        let page = HTMLReport(report: ConflictReport(documents: 1, facts: [Fact(subject: "A&B", predicate: "investment", object: "<C>", status: .consistent, values: [value], findings: [])])).text
        #expect(page.contains("A&amp;B · investment · &lt;C&gt;") && page.contains("a&lt;b&gt;.txt:2") && !page.contains("<script>alert"))
    }
}
