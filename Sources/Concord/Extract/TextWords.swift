/// Cheap looks at the words around a mention, shared by the money and percent extractors:
/// they decide, before any pattern runs, whether a qualifier, a joiner or a change verb
/// may stand next to a value.
extension TextBuffer {
    /// The word that ends at `offset` (spaces and line breaks before `offset` skipped:
    /// wire text wraps anywhere), folded; nil if none.
    func foldedWord(before offset: Int) -> String? {
        var end = offset
        while end > 0, self[byte: end - 1] == UInt8(ascii: " ") || self[byte: end - 1] == UInt8(ascii: "\n") { end -= 1 }
        var start = end
        while start > 0, Self.isWordByte(self[byte: start - 1]) { start -= 1 }
        return start < end ? NumberRules.folded(string(start..<end)) : nil
    }

    /// The word that starts at `offset` (spaces after `offset` skipped), folded; nil if none.
    func foldedWord(after offset: Int) -> String? {
        let word = wordRange(after: offset)
        return word.isEmpty ? nil : NumberRules.folded(string(word))
    }

    /// The bytes of the word that starts at `offset`, spaces after `offset` skipped (empty
    /// where no word follows).
    func wordRange(after offset: Int) -> Range<Int> {
        var start = offset
        while start < byteCount, self[byte: start] == UInt8(ascii: " ") { start += 1 }
        var end = start
        while end < byteCount, Self.isWordByte(self[byte: end]) { end += 1 }
        return start..<end
    }

    /// A letter or any byte of a non-ASCII scalar.
    static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
    }

    /// Whether the scalar that ends at `offset` is a letter ("v" of "v0.1", "é"); a dash,
    /// quote or space of any script is none ("$10–15 million", "«15 millions»").
    func isLetter(before offset: Int) -> Bool {
        guard offset > 0 else { return false }
        let last = self[byte: offset - 1]
        guard last >= 0x80 else { return Self.isWordByte(last) }
        return string(scalarBoundary(atOrBefore: offset - 1)..<offset).unicodeScalars.first?.properties.isAlphabetic == true
    }

    /// `offset`, moved back to the start of the scalar it falls in.
    func scalarBoundary(atOrBefore offset: Int) -> Int {
        var position = max(0, offset)
        while position > 0, position < byteCount, self[byte: position] & 0xC0 == 0x80 { position -= 1 }
        return position
    }

    /// The end of the short stretch after `offset` that a look at what follows a value may
    /// read. Bounding the subject keeps each look constant-time: an anchored match runs
    /// in PCRE2's interpreter, which otherwise scans the rest of the document for a
    /// required character before it starts.
    func lookahead(from offset: Int) -> Int {
        var end = Swift.min(byteCount, offset + 256)
        while end < byteCount, self[byte: end] & 0xC0 == 0x80 { end += 1 }
        return end
    }
}
