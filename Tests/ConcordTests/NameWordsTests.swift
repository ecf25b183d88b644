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

    /// A group looked up by number reads the range the lookup by name reads; no number, no range.
    @Test func readsAGroupByItsNumber() throws {
        let pattern = try Pattern("(?<first>\\p{Lu}\\p{Ll}+) (?<last>\\p{Lu}\\p{Ll}+)")
        let match = try #require(try pattern.firstMatch(in: TextBuffer("said Jane Okafor today")))
        #expect(match[group: pattern.groupNumber("last")] == match["last"])
        #expect(match[group: pattern.groupNumber("last")] == 10..<16)
        #expect(match[group: pattern.groupNumber("missing")] == nil)
    }
}
