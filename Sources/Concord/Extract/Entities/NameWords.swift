extension StringProtocol where SubSequence == Substring {
    /// The pieces of the text between occurrences of the ASCII `separator`, empty pieces
    /// left out: what `split(separator: Character(separator))` returns, read by bytes.
    ///
    /// The entity extractor splits every name it reads into words (at spaces) and words
    /// into parts (at hyphens); `split(separator:)` reads Characters, at about 6,000
    /// instructions per name (callgrind, first 1,000 Reuters stories: 14 M of the 26 M that
    /// `withoutDescription` cost). A separator byte is a Character of its own unless a
    /// non-ASCII scalar stands next to it (a combining mark after it, a prepended mark
    /// before it), so text where one does falls back to the Character split.
    func splitting(at separator: Unicode.Scalar) -> [Substring] {
        var pieces: [Substring] = []
        // Room for the words of any name: growing the array a word at a time cost a third of
        // this function (callgrind).
        pieces.reserveCapacity(8)
        var rest = self[...]
        // Each separator found is a Character of its own (see ``firstIndex(ofASCII:)``).
        while let index = rest.firstIndex(ofASCII: separator) {
            if index != rest.startIndex { pieces.append(rest[..<index]) }
            rest = rest[rest.utf8.index(after: index)...]
        }
        if !rest.isEmpty { pieces.append(rest) }
        return pieces
    }
}

extension StringProtocol where SubSequence == Substring {
    /// Where the first `separator` (an ASCII scalar) stands: what `firstIndex(of:
    /// Character(separator))` returns, read by bytes (measured: `firstIndex(of: " ")` took
    /// 2,400 instructions a name, callgrind, first 1,000 Reuters stories). A separator byte
    /// next to a non-ASCII scalar may be part of a Character (see ``splitting(at:)``): the
    /// Characters are read then.
    func firstIndex(ofASCII separator: Unicode.Scalar) -> Index? {
        let separatorByte = UInt8(separator.value)
        let bytes = utf8
        var previous: UInt8 = 0
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            let next = bytes.index(after: index)
            if byte == separatorByte {
                if previous >= 0x80 || (next != bytes.endIndex && bytes[next] >= 0x80) { return firstIndex(of: Character(separator)) }
                return index
            }
            previous = byte
            index = next
        }
        return nil
    }
}

extension PatternMatch {
    /// The byte range of the group numbered `number` (looked up once, when the pattern was
    /// built), nil if it did not take part or the pattern has no such group (`number` nil).
    /// A lookup by name hashes the name at each call: 12.9 M instructions for the 34,000
    /// lookups the entity scan made over the first 1,000 Reuters stories (callgrind).
    subscript(group number: Int?) -> Range<Int>? {
        number.flatMap { self[$0] }
    }
}
