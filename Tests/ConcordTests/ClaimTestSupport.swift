import Testing
@testable import Concord

/// Builds a document's mentions for claim tests: entities and dates from Concord's own
/// extractors, money and percents located by hand (their extractors belong to another
/// stage): each sum's byte range in `tokenized.buffer` becomes a ``MoneyMention``.
enum ClaimTestSupport {
    static let entities: EntityExtractor = { try! EntityExtractor(rules: Fixtures.rules) }()
    static let dates: DateExtractor = { try! DateExtractor(rules: Fixtures.rules) }()
    static let builder: ClaimBuilder = { try! ClaimBuilder(rules: Fixtures.rules) }()

    /// Sums as tests write them: "€15 million", "$16.3 million", "6 million", "US$2bn".
    private static let scales = "million|millions|billion|bn|milliard|milliards|Millionen|Million|Milliarden|Milliarde|millones|millón|milioni|milione|miliardi|miliardo"
    private static let currencies = "d'euros|de\\h+dollars|euros|dollars|Euro|Dollar|de\\h+euros|de\\h+dólares|di\\h+euro|di\\h+dollari"
    private static let money = try! Pattern(#"(?:US\$|[$€£¥])\h?[0-9][0-9.,]*(?:\h?(?:million|billion|bn|m)(?![\p{L}]))?|(?<![\p{L}\p{N}$€£.,])[0-9][0-9.,]*\h(?:"# + scales + #")(?![\p{L}])(?:\h(?:"# + currencies + #"))?"#, caseless: true)
    private static let percent = try! Pattern(#"[0-9][0-9.,]*\h?(?:%|percent|per cent|pour cent|Prozent|por ciento|per cento)"#)

    static func mentions(_ tokenized: TokenizedDocument) throws -> DocumentMentions {
        let buffer = tokenized.buffer
        var money = try Self.money.matches(in: buffer).map { match in
            MoneyMention(span: tokenized.span(ofBytes: match.range), amount: nil, currency: nil)
        }
        // "€15 million (about $16.3 million)": the bracketed sum is the stated equivalent.
        for index in money.indices.dropLast() {
            let between = buffer.string(money[index].bytes.upperBound..<money[index + 1].bytes.lowerBound)
            if between.trimmingCharacters(in: .whitespaces).hasPrefix("(") && between.count < 12 { money[index].equivalent = index + 1 }
        }
        let percents = try percent.matches(in: buffer).map { PercentMention(span: tokenized.span(ofBytes: $0.range), value: ExactDecimal("0")!) }
        let found = try dates.analyze(tokenized, published: tokenized.document.published, reference: nil)
        return DocumentMentions(money: money, dates: found.mentions, percents: percents,
                                entities: try entities.mentions(in: tokenized), documentDate: found.documentDateIndex)
    }

    static func claims(_ text: String, language: String = "en", published: String? = nil) throws -> (claims: [Claim], mentions: DocumentMentions) {
        let tokenized = try Fixtures.tokenized(text, language: language, published: published)
        let mentions = try mentions(tokenized)
        return (try builder.claims(in: tokenized, mentions: mentions), mentions)
    }
}

import Foundation
