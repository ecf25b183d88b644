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
    ///
    /// The bytes are read in one pass from the text's storage, each piece cut by byte offsets:
    /// a search per piece (``firstIndex(ofASCII:)``) through the text's UTF-8 view took about
    /// 1,500 instructions a name (callgrind, 1,000 Reuters stories: 11 M in all; 6.5 M now).
    func splitting(at separator: Unicode.Scalar) -> [Substring] {
        let separatorByte = UInt8(separator.value)
        let byBytes = utf8.withContiguousStorageIfAvailable { bytes -> [Substring]? in
            var pieces: [Substring] = []
            // Room for the words of any name: growing the array a word at a time cost a third
            // of this function (callgrind).
            pieces.reserveCapacity(8)
            let start = utf8.startIndex
            var pieceStart = 0
            for offset in 0...bytes.count where offset == bytes.count || bytes[offset] == separatorByte {
                if offset < bytes.count, (offset > 0 && bytes[offset - 1] >= 0x80) || (offset + 1 < bytes.count && bytes[offset + 1] >= 0x80) { return nil }
                if offset > pieceStart { pieces.append(self[utf8.index(start, offsetBy: pieceStart)..<utf8.index(start, offsetBy: offset)]) }
                pieceStart = offset + 1
            }
            return pieces
        }
        if let byBytes, let pieces = byBytes { return pieces }
        return split(separator: Character(separator))
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
