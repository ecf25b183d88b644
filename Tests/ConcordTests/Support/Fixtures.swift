import Foundation
import Testing
@testable import Concord

/// Paths and rules of this repository, for tests.
enum Fixtures {
    /// The package root (Tests/ConcordTests/Support/Fixtures.swift -> ../../..).
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shipped rules, read once.
    static let rules: RuleSet = {
        do { return try RuleSet(directory: root.appendingPathComponent("Rules")) } catch { fatalError("Rules/ do not load: \(error)") }
    }()

    /// ../shared next to the repository (peer suites, corpora, FX), if present.
    static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")

    /// A plain-text document made from `text`, as Ingest would make it.
    static func document(_ text: String, id: String = "test", language: String? = "en", published: String? = nil) -> Document {
        switch DocumentReader().decode(Data(text.utf8), input: Input(kind: .file, path: id + ".txt", id: id)) {
        case var .success(document):
            document.language = language.flatMap(LanguageTag.init)
            document.published = published
            return document
        case let .failure(failure):
            fatalError("fixture text does not decode: \(failure)")
        }
    }

    /// `document(text)` tokenized with the shipped rules.
    static func tokenized(_ text: String, language: String? = "en", published: String? = nil) throws -> TokenizedDocument {
        try Tokenizer(rules: rules).tokenize(document(text, language: language, published: published))
    }
}

/// One example a rule file carries: the text, and what must (or must not) come of it.
struct RuleExample: CustomTestStringConvertible, Sendable {
    /// The rule file and line of the example.
    let origin: RuleOrigin
    let text: String
    /// The expected node (`expect:` of a `match` example); nil for a `no_match` example.
    let expect: RuleNode?
    /// The file's language (its `language:` key), if it states one.
    let language: String?

    var testDescription: String { "\(origin) \(text)" }

    /// Every example of every file in the folder `kind` of the shipped rules:
    /// `examples: { match: [{text, expect}], no_match: [text] }`.
    static func all(in kind: String) -> [RuleExample] {
        Fixtures.rules.files(in: kind).flatMap { file -> [RuleExample] in
            let language = file.root["language"]?.scalar
            guard let examples = file.root["examples"] else { return [] }
            let matches = ((try? examples.list("match")) ?? []).map { node in
                RuleExample(origin: node.origin, text: (node["text"]?.scalar) ?? (node.scalar ?? ""), expect: node["expect"] ?? node, language: language)
            }
            let nonMatches = ((try? examples.list("no_match")) ?? []).map { node in
                RuleExample(origin: node.origin, text: node.scalar ?? node["text"]?.scalar ?? "", expect: nil, language: language)
            }
            return matches + nonMatches
        }
    }
}
