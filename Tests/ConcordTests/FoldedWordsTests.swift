import Testing
@testable import Concord

/// ``FoldedWords`` answers as a look-up of ``TextBuffer/foldedWord(before:)`` and
/// ``TextBuffer/foldedWord(after:)`` in a set of Strings does, ASCII words compared by their bytes.
@Suite struct FoldedWordsTests {
    @Test func wordsBeforeAndAfterAnOffsetAreFoundAsTheSetFindsThem() {
        let list = ["to", "and", "than", "y", "el", "más", "approximately", "ca."]
        let words = FoldedWords(list)
        let set = Set(list)
        let buffer = TextBuffer("Between 5 AND\n 7, more Than 20, Más 3 y El 10, approximately 9, ca. 4 tO-5 thanks 8 ándale")
        for offset in 0...buffer.byteCount where offset == buffer.byteCount || buffer[byte: offset] & 0xC0 != 0x80 {
            let before = buffer.foldedWord(before: offset).map(set.contains) ?? false
            #expect(words.contains(buffer.wordRange(before: offset), in: buffer) == before, "before \(offset)")
            let after = buffer.foldedWord(after: offset).map(set.contains) ?? false
            #expect(words.contains(buffer.wordRange(after: offset), in: buffer) == after, "after \(offset)")
        }
        #expect(words.contains(buffer.wordRange(before: 13), in: buffer))  // "AND"
        #expect(!words.contains(buffer.wordRange(before: 7), in: buffer))  // "Between"
        #expect(!words.contains(0..<0, in: buffer))
    }

    /// A word of the list with a non-ASCII letter or in upper case is never an ASCII word of
    /// the text, as in the set: "K" (the Kelvin sign) and "Km" are not "km" folded.
    @Test func nonASCIIAndUpperCaseWordsAreNotFoundInASCIIText() {
        let list = ["\u{212A}m", "Km"]
        let words = FoldedWords(list)
        let buffer = TextBuffer("5 Km")
        #expect(!words.contains(buffer.wordRange(after: 1), in: buffer))
        #expect(!(buffer.foldedWord(after: 1).map(Set(list).contains) ?? true))
    }
}
