import Testing
@testable import Concord

/// The checks that let ``TextCleaning`` return a text as it is: a text that needs cleaning
/// is always cleaned, wherever the byte that needs it stands (the eight-byte scan and its
/// tail), and a title is collapsed exactly as white space splitting and joining would.
@Suite struct TextCleaningTests {
    /// Every control character but the line feed, and a curly quote, at every position of a
    /// text of 20 bytes is cleaned; the same text without it comes back unchanged.
    @Test func aByteThatNeedsCleaningIsFoundAnywhere() {
        let plain = Array("Sales rose\n5 pct to ".utf8)
        #expect(TextCleaning.clean(String(decoding: plain, as: UTF8.self)) == String(decoding: plain, as: UTF8.self))
        for position in plain.indices {
            for control in [UInt8(0x09), 0x0B, 0x0C, 0x0D, 0x01, 0x1F] {
                var bytes = plain
                bytes[position] = control
                let cleaned = Array(TextCleaning.clean(String(decoding: bytes, as: UTF8.self)).utf8)
                #expect(cleaned.count == bytes.count && !cleaned.contains(0x09) && !cleaned.contains(0x0B) && !cleaned.contains(0x0C) && !cleaned.contains(0x0D),
                        "control \(control) at \(position)")
            }
            var bytes = plain
            bytes.replaceSubrange(position...position, with: Array("’".utf8))
            #expect(TextCleaning.clean(String(decoding: bytes, as: UTF8.self)).contains("'"), "quote at \(position)")
        }
    }

    /// Titles with and without extra white space (ASCII and beyond) collapse as splitting on
    /// white space and joining with one space does.
    @Test func collapsedWhitespaceIsSplitAndJoined() {
        let titles = ["", " ", "BAHIA COCOA REVIEW", "Bahia cocoa review", " leading", "trailing ", "two  spaces", "a\ttab", "line\nbreak",
                      "no\u{00A0}break", "Übermäßig  groß", "x", "x y", "  x  y  ", "\u{0001}control stays"]
        for title in titles {
            let expected = title.split(whereSeparator: { $0.unicodeScalars.allSatisfy(\.properties.isWhitespace) }).joined(separator: " ")
            #expect(TextCleaning.collapseWhitespace(title) == expected, "\(title.debugDescription)")
        }
    }
}
