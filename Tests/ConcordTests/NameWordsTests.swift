import Testing
@testable import Concord

/// The byte-level helpers of the entity extractor read what the slower Character-level
/// code they replaced read.
@Suite struct NameWordsTests {
    /// Words split at spaces and parts at hyphens as `split(separator:)` splits them: empty
    /// pieces dropped, accented letters kept whole, and a space that a combining mark
    /// follows (one Character with it, so no separator) left unsplit.
    @Test(arguments: ["Jane Okafor", "  Ortiz  Mena ", "", " ", "José María Álvarez-Pallete", "US-Firma-", "a \u{301}b", "Ünal Ölçer", "x\u{301} y"])
    func splitsAsCharactersDo(_ text: String) {
        #expect(text.splitting(at: " ") == text.split(separator: " "))
        #expect(text.splitting(at: "-") == text.split(separator: "-"))
        let tail = text.dropFirst()
        #expect(tail.splitting(at: " ") == tail.split(separator: " "))
    }

    /// The first space is found where the Character search finds it, also past a space that
    /// a combining mark joins.
    @Test(arguments: ["Jane Okafor", "Okafor", " x", "a \u{301}b c", "Łukasz Nowak"])
    func findsTheFirstSpaceAsCharactersDo(_ text: String) {
        #expect(text.firstIndex(ofASCII: " ") == text.firstIndex(of: " "))
    }

    /// A match's words, lower-cased, with hyphens, without articles, in ASCII and beyond.
    @Test func readsTheWordsOfAnAnaphor() {
        #expect(EntityExtractor.words("the Paris-based AI startup, since 2021") == ["paris-based", "ai", "startup", "since", "2021"])
        #expect(EntityExtractor.words("la jeune pousse française") == ["la", "jeune", "pousse", "française"])
        #expect(EntityExtractor.words("The  startup") == ["startup"])
    }

    /// The word before an offset is its last run of letters, in ASCII as beyond it.
    @Test func readsTheWordBefore() {
        let buffer = TextBuffer("Selon  Luc, says B2B Jane; à Zoé")
        #expect(EntityExtractor.word(before: 7, in: buffer) == "Selon")
        #expect(EntityExtractor.word(before: 21, in: buffer) == "B")
        #expect(EntityExtractor.word(before: 0, in: buffer) == "")
        #expect(EntityExtractor.word(before: buffer.byteCount - 4, in: buffer) == "à")
    }

    /// The lines where initials in brackets stand, whole, once each, in order.
    @Test func findsTheLinesThatHoldAPattern() throws {
        let buffer = TextBuffer("Markets Authority (CMA) and (FTC)\nno initials here\nthe (EU) said")
        let lines = try EntityExtractor.lines(holding: try Pattern(#"\(\p{Lu}{2,8}\)"#), in: buffer)
        #expect(lines.map(buffer.string) == ["Markets Authority (CMA) and (FTC)", "the (EU) said"])
    }

    /// A group looked up by number reads the range the lookup by name reads; no number, no range.
    @Test func readsAGroupByItsNumber() throws {
        let pattern = try Pattern("(?<first>\\p{Lu}\\p{Ll}+) (?<last>\\p{Lu}\\p{Ll}+)")
        let match = try #require(try pattern.firstMatch(in: TextBuffer("said Jane Okafor today")))
        #expect(match[group: pattern.groupNumber("last")] == match["last"])
        #expect(match[group: pattern.groupNumber("last")] == 10..<16)
        #expect(match[group: pattern.groupNumber("missing")] == nil)
    }
}
