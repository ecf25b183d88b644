import Foundation

/// The output formats of `concord conflicts`.
public enum ReportFormat: String, Sendable, CaseIterable {
    case md, json, html
}

/// Renders a ``ConflictReport`` for people (Markdown, HTML) or programs (JSON).
///
/// STUB for Markdown and HTML until the report work lands.
public struct ReportRenderer: Sendable {
    public init() {}

    public func render(_ report: ConflictReport, as format: ReportFormat) throws -> String {
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
        case .md, .html:
            return "# Concord conflict report\n\n\(report.documents) documents, \(report.facts.count) facts\n"
        }
    }
}
