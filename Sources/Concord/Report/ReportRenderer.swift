import Foundation

/// The output formats of `concord conflicts`.
public enum ReportFormat: String, Sendable, CaseIterable {
    case md, json, html
}

/// Renders a ``ConflictReport`` for people (Markdown for the terminal, one self-contained
/// HTML page for the browser) or programs (JSON exactly as CONTRACT.md, keys sorted so the
/// output is byte-identical across runs).
public struct ReportRenderer: Sendable {
    public init() {}

    public func render(_ report: ConflictReport, as format: ReportFormat) throws -> String {
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
        case .md:
            return MarkdownReport(report: report).text
        case .html:
            return HTMLReport(report: report).text
        }
    }
}

/// What the human-readable reports say about facts and values, shared by Markdown and HTML.
enum ReportWording {
    /// "Microsoft · investment · Mistral AI (round: Series A)".
    static func title(of fact: Fact) -> String {
        let parts = [fact.subject, fact.predicate, fact.object].filter { !$0.isEmpty }
        let details = (fact.details ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        return parts.joined(separator: " · ") + (details.isEmpty ? "" : " (\(details.joined(separator: ", ")))")
    }

    /// The value's normalized form: "EUR 15,000,000", "no currency 6,000,000", "USD ≥ 10,000,000",
    /// "2023-11", "49%", "10–15%", "≥ 20%".
    static func normalized(_ value: FactValue) -> String {
        let currency = value.currency ?? "no currency"
        if let amount = value.amount { return "\(currency) \(AmountWording.grouped(amount))" }
        if let range = value.range { return bounds(range, before: currency + " ", grouped: true) }
        if let percent = value.percent { return "\(percent)%" }
        if let range = value.percentRange { return bounds(range, after: "%", grouped: false) }
        if let date = value.date {
            let period = value.period.map { " (\($0.start) to \($0.end))" } ?? ""
            return date + period + (value.relative == true ? " (relative)" : "") + (value.publishingDate == true ? " (publishing day)" : "")
        }
        if let names = value.names { return names.joined(separator: ", ") }
        return "stated, no value"
    }

    /// "USD 10,000,000–20,000,000", "USD ≥ 10,000,000", "10–15%", "≤ 30%".
    private static func bounds(_ range: AmountRange, before: String = "", after: String = "", grouped: Bool) -> String {
        let written = { (value: ExactDecimal) in grouped ? AmountWording.grouped(value) : value.description }
        switch (range.min, range.max) {
        case let (min?, max?): return "\(before)\(written(min))–\(written(max))\(after)"
        case let (min?, nil): return "\(before)≥ \(written(min))\(after)"
        case let (nil, max?): return "\(before)≤ \(written(max))\(after)"
        case (nil, nil): return before.trimmingCharacters(in: .whitespaces) + after
        }
    }

    /// The value in US dollars and the rate used: "16,300,000 (1 EUR = 1.0867 USD, Corpus/004.txt:20)".
    static func dollars(_ value: FactValue) -> String {
        guard let usd = value.usd else { return "" }
        guard let rate = value.rate else { return AmountWording.grouped(usd) }
        return "\(AmountWording.grouped(usd)) (1 \(rate.from) = \(rate.value) \(rate.to), \(rate.source))"
    }

    /// "Consistent after conversion", "Date discrepancy".
    /// What a fact without findings says: that one source states it, or that its sources
    /// give no two values of one kind.
    static func nothingToCompare(_ fact: Fact) -> String {
        let sources = Set(fact.values.map { $0.document ?? $0.source }).count
        return sources <= 1 ? "Nothing to compare: one source states it." : "Nothing to compare: \(sources) sources state it, no two with a value of the same kind."
    }

    static func label(of kind: Finding.Kind) -> String {
        let words = kind.rawValue.replacingOccurrences(of: "-", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}

/// The Markdown report: a summary table, then conflicts first; for each fact its values in
/// a table (source:line, quoted text, normalized value, US dollars) and each finding in one
/// plain sentence.
struct MarkdownReport {
    let report: ConflictReport

    var text: String {
        let conflicts = report.facts.filter { $0.status == .conflict }
        var lines = [
            "# Concord conflict report", "",
            "| Facts | Conflicts | Documents |", "| ---: | ---: | ---: |",
            "| \(report.facts.count) | \(conflicts.count) | \(report.documents) |", "",
        ]
        if report.facts.isEmpty {
            lines += ["No claims to compare: the documents state no facts Concord recognizes.", ""]
        }
        for (heading, facts) in [("Conflicts", conflicts), ("Consistent facts", report.facts.filter { $0.status == .consistent })] where !facts.isEmpty {
            lines += ["## \(heading)", ""]
            for fact in facts { lines += section(for: fact) }
        }
        return lines.joined(separator: "\n")
    }

    private func section(for fact: Fact) -> [String] {
        var lines = ["### \(ReportWording.title(of: fact)): \(fact.status.rawValue)", ""]
        lines += ["| # | Source:line | Text | Value | USD |", "| ---: | --- | --- | --- | --- |"]
        for (index, value) in fact.values.enumerated() {
            let cells = ["\(index)", "\(value.source):\(value.line)", "“\(value.text)”", ReportWording.normalized(value), ReportWording.dollars(value)]
            lines.append("| " + cells.map(Self.cell).joined(separator: " | ") + " |")
        }
        lines.append("")
        if fact.findings.isEmpty {
            lines += [ReportWording.nothingToCompare(fact), ""]
        } else {
            lines += fact.findings.map { "- **\(ReportWording.label(of: $0.kind))** (values \($0.values.map(String.init).joined(separator: ", "))): \($0.explanation)" }
            lines.append("")
        }
        return lines
    }

    /// A table cell: one line, pipes escaped.
    private static func cell(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ").replacingOccurrences(of: "|", with: "\\|")
    }
}
