/// Where the money scan (``MoneyGrammar``'s `scan`) may match (and the percent scan, from
/// its own number words and signs: ``PercentExtractor``): its own start finder, in
/// place of a ``WordStartFilter``, which compared every word of a text with the anchor
/// words' prefixes (most English words begin as some currency or scale word does: "th" as
/// "thousand", "fr" as "francs", "ye" as "yen") for some 110 instructions a word.
///
/// The scan matches at a number (an ASCII digit no digit precedes, or "½" and the like)
/// or at an anchor word or scaled code after no letter or digit. So, eight bytes at a
/// time (``Bytes`` masks), the candidates are: the lead bytes of non-ASCII scalars, which
/// are always tried; ASCII digits after no digit, tried where ``NumberStarts`` says; and
/// ASCII letters after no ASCII letter or digit, tried where the text's first three
/// characters may begin an anchor word (a bit table) and ``WordTrieCheck`` finds one whole.
/// An anchor word that begins with another ASCII character makes every such character a
/// candidate too.
///
/// It never passes over an offset where the scan matches, so the matches are those of a
/// scan at every offset.
final class MoneyStarts: @unchecked Sendable {
    let numbers: NumberStarts
    let words: WordTrieCheck
    /// Two bits for each pair of characters (folded: ``foldedBytes``) an anchor word may begin
    /// with: bit 0 when a word of one or two characters does (the walk of `words` decides),
    /// bit 1 when a longer one does (its third character is looked up in `thirdBits`).
    /// 131,072 bits, then 65,536 bits of the first three characters of the longer words, hashed.
    private let bits: UnsafeMutablePointer<UInt64>
    private static let pairWords = 2048, thirdOffset = 2048, words64 = 2048 + 1024
    /// Each byte as the keys read it: ASCII letters in lower case, white space as a space.
    private let foldedBytes: UnsafeMutablePointer<UInt8>
    /// ASCII bytes other than letters and digits that begin an anchor word (none in the
    /// rules as written): each is a candidate where no letter or digit precedes it.
    private let otherFirsts: UnsafeMutablePointer<Bool>
    private let hasOtherFirsts: Bool

    init(numbers: NumberStarts, words: WordTrieCheck, anchorWords: [String]) {
        self.numbers = numbers
        self.words = words
        bits = .allocate(capacity: Self.words64)
        bits.initialize(repeating: 0, count: Self.words64)
        foldedBytes = .allocate(capacity: 256)
        for value in 0..<256 {
            let byte = UInt8(value)
            (foldedBytes + value).initialize(to: LiteralKeys.isSpace(byte) ? 0x20 : LiteralKeys.lowercased(byte))
        }
        otherFirsts = .allocate(capacity: 256)
        otherFirsts.initialize(repeating: false, count: 256)
        var hasOtherFirsts = false
        for word in anchorWords {
            var key: [UInt8] = []
            var previousWasSpace = false
            for scalar in word.unicodeScalars {
                guard key.count < 3, scalar.isASCII, scalar != "*" else { break }
                let byte = foldedBytes[Int(scalar.value)]
                if byte == 0x20 && previousWasSpace { continue }
                previousWasSpace = byte == 0x20
                key.append(byte)
            }
            // A word whose first characters are not ASCII is met at a lead byte (always tried)
            // or not at all; a shorter key lets more text through.
            switch key.count {
            case 0: continue
            case 1: for second in 0..<256 { Self.set(2 * (Int(key[0]) << 8 | second), in: bits) }
            case 2: Self.set(2 * (Int(key[0]) << 8 | Int(key[1])), in: bits)
            default:
                Self.set(2 * (Int(key[0]) << 8 | Int(key[1])) + 1, in: bits)
                Self.set(Self.thirdOffset * 64 + Self.triple(key[0], key[1], key[2]), in: bits)
            }
            if !Bytes.isASCIILetter(key[0]) && !Bytes.isDigit(key[0]) {
                otherFirsts[Int(key[0])] = true
                hasOtherFirsts = true
            }
        }
        self.hasOtherFirsts = hasOtherFirsts
    }

    deinit {
        bits.deallocate()
        foldedBytes.deallocate()
        otherFirsts.deallocate()
    }

    private static func set(_ bit: Int, in bits: UnsafeMutablePointer<UInt64>) { bits[bit >> 6] |= 1 << UInt64(bit & 63) }

    @inline(__always) private static func triple(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> Int {
        let key = UInt64(first) << 16 | UInt64(second) << 8 | UInt64(third)
        return Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 48)
    }

    /// The first offset from `offset` (below `count`) where the scan may match, or nil.
    func nextStart(_ bytes: UnsafePointer<UInt8>, count: Int, from offset: Int) -> Int? {
        guard offset < count else { return nil }
        var offset = offset
        let raw = UnsafeRawPointer(bytes)
        // Whether the byte before is no ASCII letter or digit (no digit), in bit 7.
        let before = offset > 0 ? bytes[offset - 1] : 0x20
        var afterNonWord: UInt64 = Bytes.isASCIILetter(before) || Bytes.isDigit(before) ? 0 : 0x80
        var afterNonDigit: UInt64 = Bytes.isDigit(before) ? 0 : 0x80
        while offset &+ 8 <= count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            // Lead bytes of non-ASCII scalars (0xC0 and up).
            let lead = word & word << 1 & Bytes.highBits
            let letter = Bytes.bytes(of: word | Bytes.lowBits &* 0x20, from: 0x61, through: 0x7A)
            let digit = Bytes.bytes(of: word, from: 0x30, through: 0x39)
            let nonWord = ~(letter | digit) & Bytes.highBits
            let wordStart = nonWord << 8 | afterNonWord
            var candidates = wordStart & letter | digit & (~digit << 8 | afterNonDigit) | lead
            if hasOtherFirsts { candidates |= wordStart & nonWord & ~word & Bytes.highBits }
            while candidates != 0 {
                let index = offset &+ candidates.trailingZeroBitCount &>> 3
                if mayStart(bytes, count: count, at: index) { return index }
                candidates &= candidates &- 1
            }
            afterNonWord = nonWord >> 56
            afterNonDigit = ~digit >> 56 & 0x80
            offset &+= 8
        }
        while offset < count {
            let byte = bytes[offset]
            let previous = offset > 0 ? bytes[offset - 1] : 0x20
            let isCandidate: Bool
            if byte >= 0xC0 {
                isCandidate = true
            } else if Bytes.isDigit(byte) {
                isCandidate = !Bytes.isDigit(previous)
            } else if byte < 0x80 {
                isCandidate = !Bytes.isASCIILetter(previous) && !Bytes.isDigit(previous) && (Bytes.isASCIILetter(byte) || otherFirsts[Int(byte)])
            } else {
                isCandidate = false
            }
            if isCandidate && mayStart(bytes, count: count, at: offset) { return offset }
            offset += 1
        }
        return nil
    }

    /// Whether the scan may match at a candidate `offset`.
    @inline(__always) private func mayStart(_ bytes: UnsafePointer<UInt8>, count: Int, at offset: Int) -> Bool {
        let first = bytes[offset]
        if first >= 0x80 { return true }
        if Bytes.isDigit(first) { return numbers.mayMatch(bytes, count: count, at: offset) }
        if Bytes.isASCIILetter(first) || otherFirsts[Int(first)] {
            return mayBeginWord(bytes, count: count, at: offset) && words.mayMatch(bytes, count: count, at: offset)
        }
        return false
    }

    /// Whether an anchor word may begin at `offset` by its first three characters (fewer for
    /// a shorter word; the text's end or a non-ASCII byte among them lets it through).
    @inline(__always) private func mayBeginWord(_ bytes: UnsafePointer<UInt8>, count: Int, at offset: Int) -> Bool {
        let next = offset &+ 1
        guard next < count else { return true }
        let secondByte = bytes[next]
        if secondByte >= 0x80 { return true }
        let first = foldedBytes[Int(bytes[offset])], second = foldedBytes[Int(secondByte)]
        let bit = 2 &* (Int(first) &<< 8 | Int(second))
        let pair = bits[bit &>> 6] &>> UInt64(bit & 63)
        if pair & 1 != 0 { return true }
        if pair & 2 == 0 { return false }
        // The third character; after a space, white space runs are one space in a word.
        var third = next &+ 1
        if second == 0x20 { while third < count, LiteralKeys.isSpace(bytes[third]) { third &+= 1 } }
        guard third < count else { return true }
        let thirdByte = bytes[third]
        if thirdByte >= 0x80 { return true }
        let key = Self.thirdOffset &* 64 &+ Self.triple(first, second, foldedBytes[Int(thirdByte)])
        return bits[key &>> 6] &>> UInt64(key & 63) & 1 != 0
    }
}
