import Foundation
import Testing
@testable import Concord

/// The cheap checks that spare the money patterns their tries (``NumberStarts``,
/// ``WordTrieCheck``, ``LiteralKeys``, ``MoneyGrammar/mayEndRangeStart(in:before:)``) must
/// never say no where the pattern they stand for matches: at every offset of every text
/// here, in every language's grammar, a match of the scan, of `prefixBefore` or of
/// `rangeStart` is one the check lets through. The texts: the money rule examples, the
/// peer suites of ../shared/peers (where present), and cases written for the checks.
@Suite struct MoneyStartCheckTests {
    static let extractor: MoneyExtractor = {
        do { return try MoneyExtractor(rules: Fixtures.rules) } catch { fatalError("money rules do not compile: \(error)") }
    }()

    static let written: [String] = [
        "It rose 15 mln dlrs, or 5 pct, to 1,750 to 1,780 dlrs per tonne.",
        "NEW YORK, March 3 - U.S. dollars 22.5 million; the market sold 150,000 tonnes at 2.27 times New York.",
        "US$ 5 million, HK $ 10m, c $ 3, $ US 4, Rs. 500, Rs 45 lakh, R2 billion, 30 MUSD, MUSD 60, twenty MUSD.",
        "between 10 and 15 million euros, from $5 to $7, 10-15m, $2.5bn-3bn, 5 to 7 dollars, entre 10 et 15 millions d'euros.",
        "50p per share, 1080p, a quarter of a million dollars, two dimes, 1-1/2 dlrs, 8 3/4 cts, ½ million dollars, 12,34,567.89 INR.",
        "about 5 mln stg, more than 20 billion yen, dollar 22.5 million, ringgit 42, malaysian ringgit 10 mln, USD\n15, EUR\t20.",
        "3 millones de acciones, 2,5 milliards d'euros, 1.500 Euro, 1 500 000 euros, zwei Euro fünfzig, 17 USD 25.",
        "The KELVIN sign K and the long ſ: 5 \u{212A}USD, 10 U\u{017F}D, ſterling 5, 7 dlrſ, 9 haſta 10 euros.",
        "15to20 dlrs, 15 millionand 20, $(12.3) million, (4.5) mln dlrs, 4TH QTR NET, 100 mln\ndlrs, 200 mln-dlr loan.",
    ]

    static var texts: [String] {
        var texts = written + RuleExample.all(in: "money").map(\.text)
        let peers = Fixtures.shared.appendingPathComponent("peers")
        if let names = try? FileManager.default.contentsOfDirectory(atPath: peers.path) {
            for name in names.sorted() where name.hasSuffix(".jsonl") {
                guard let data = FileManager.default.contents(atPath: peers.appendingPathComponent(name).path) else { continue }
                for line in data.split(separator: UInt8(ascii: "\n")) {
                    if let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any], let text = object["text"] as? String { texts.append(text) }
                }
            }
        }
        return texts
    }

    @Test func checksNeverRejectAMatch() throws {
        let texts = Self.texts
        for language in Self.extractor.grammars.languages {
            let grammar = try #require(try Self.extractor.grammars.grammar(for: language))
            for text in texts {
                try Self.check(TextBuffer(text), grammar: grammar, language: language)
            }
        }
    }

    static func check(_ buffer: TextBuffer, grammar: MoneyGrammar, language: String) throws {
        let count = buffer.byteCount
        try buffer.withBytes { bytes in
            for offset in 0...count {
                let isScalarStart = offset == count || bytes[offset] & 0xC0 != 0x80
                guard isScalarStart else { continue }
                let context = "\(language) at \(offset): \(buffer.string(offset..<min(count, offset + 40)))"
                if offset < count, try grammar.scan.anchoredMatch(in: buffer, at: offset, to: count) != nil {
                    if let starts = grammar.scanStarts { #expect(starts.nextStart(bytes, count: count, from: offset) == offset, "scan start filter: \(context)") }
                    if let starts = grammar.moneyStarts {
                        #expect(starts.nextStart(bytes, count: count, from: offset) == offset, "money starts: \(context)")
                        if Bytes.isDigit(bytes[offset]) {
                            #expect(starts.numbers.mayMatch(bytes, count: count, at: offset), "number check: \(context)")
                        } else if bytes[offset] < 0x80 {
                            #expect(starts.words.mayMatch(bytes, count: count, at: offset), "anchor word check: \(context)")
                        }
                    }
                }
                guard offset > 0 else { continue }
                if try grammar.prefixBefore.firstMatch(in: buffer, from: buffer.scalarBoundary(atOrBefore: offset - 32), to: offset) != nil {
                    #expect(grammar.prefixEnds.mayStand(bytes, at: offset, count: offset), "prefix check: \(context)")
                }
                if try grammar.rangeStart.firstMatch(in: buffer, from: buffer.scalarBoundary(atOrBefore: offset - 100), to: offset) != nil {
                    #expect(grammar.mayEndRangeStart(in: buffer, before: offset), "range start check: \(context)")
                }
            }
        }
    }

    /// The filtered scan finds what a scan at every offset finds.
    @Test func filteredScanFindsEveryMatch() throws {
        for language in Self.extractor.grammars.languages {
            let grammar = try #require(try Self.extractor.grammars.grammar(for: language))
            guard let starts = grammar.moneyStarts else { continue }
            for text in Self.written {
                let buffer = TextBuffer(text)
                var filtered: [Range<Int>] = [], everywhere: [Range<Int>] = []
                try ChunkedScan.forEachMatch(grammar.scan, in: buffer, startingAt: starts) { filtered.append($0.range) }
                try ChunkedScan.forEachMatch(grammar.scan, in: buffer) { everywhere.append($0.range) }
                #expect(filtered == everywhere, "\(language): \(text)")
            }
        }
    }
}
