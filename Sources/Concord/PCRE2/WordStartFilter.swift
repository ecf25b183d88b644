/// Where a pattern whose matches start a word can start one: a cheap byte test that lets
/// ``Pattern/forEachMatch(in:from:to:startingAt:_:)`` try the pattern at a few offsets
/// instead of at every byte.
///
/// Built for a pattern whose every match starts where no ASCII letter or digit precedes
/// (its first item is `(?<![\p{L}\p{N}])`) and with a capital letter (when `capitals`) or
/// with one of `words`, in any case (an empty word: with any word). It allows an offset when that can be so: ASCII text is
/// compared with the first three letters of each word, lower-cased; an offset with a
/// non-ASCII scalar among its first three is always allowed, so case folding beyond ASCII
/// ("É", the Kelvin sign) never loses a match. It never rejects an offset where the pattern
/// can match, so the matches are the same as a scan at every byte.
public struct WordStartFilter: Sendable {
    private let capitals: Bool
    /// Every offset at a word start may start a match (a word that no key describes).
    private let anyWord: Bool
    /// Lower-cased ASCII prefixes of the words, by length 1, 2, 3, packed into an integer.
    private let prefixes: [Set<UInt32>]

    public init(capitals: Bool, words: [String]) {
        self.capitals = capitals
        var prefixes = [Set<UInt32>](repeating: [], count: 3)
        var anyWord = false
        for word in words {
            var key: UInt32 = 0, length = 0
            for scalar in word.unicodeScalars.prefix(3) {
                guard scalar.isASCII else { break }
                key = key << 8 | UInt32(Self.lowercased(UInt8(scalar.value)))
                length += 1
            }
            if length > 0 {
                prefixes[length - 1].insert(key)
            } else if word.isEmpty {
                anyWord = true
            } else if let first = word.unicodeScalars.first {
                // Text that starts with a non-ASCII scalar is always tried; only a scalar whose
                // case forms include ASCII could match ASCII text.
                let forms = first.properties.lowercaseMapping + first.properties.uppercaseMapping + first.properties.titlecaseMapping
                if forms.unicodeScalars.contains(where: \.isASCII) { anyWord = true }
            }
        }
        self.prefixes = prefixes
        self.anyWord = anyWord
    }

    /// Whether a match may start at byte `offset` of `bytes` (`count` long).
    @inline(__always)
    func mayStart(_ bytes: UnsafePointer<UInt8>, count: Int, at offset: Int) -> Bool {
        guard offset < count else { return false }
        let byte = bytes[offset]
        if byte & 0xC0 == 0x80 { return false }
        if offset > 0 && Self.isASCIILetterOrDigit(bytes[offset - 1]) { return false }
        if byte >= 0x80 || anyWord || (capitals && byte &- 0x41 < 26) { return true }
        var key: UInt32 = 0
        for index in 0..<min(3, count - offset) {
            let next = bytes[offset + index]
            if next >= 0x80 { return true }
            key = key << 8 | UInt32(Self.lowercased(next))
            if prefixes[index].contains(key) { return true }
        }
        return false
    }

    @inline(__always) private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    @inline(__always) private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10
    }
}
