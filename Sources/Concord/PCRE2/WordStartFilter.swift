/// Where a pattern whose matches start a word can start one: a cheap byte test that lets
/// ``Pattern/forEachMatch(in:from:to:startingAt:_:)`` try the pattern at a few offsets
/// instead of at every byte.
///
/// Built for a pattern whose every match starts where no ASCII letter or digit precedes
/// (its first item is `(?<![\p{L}\p{N}])`) and with a capital letter (when `capitals`) or
/// with one of `prefixes` (in any case when `caseless`; an empty prefix: with any word), a
/// space in a prefix standing for a run of white space. It allows an offset when that can be
/// so: the text's first characters (up to ``length``, each run of spaces, tabs and line ends
/// read as one space) are compared
/// with the prefixes, by hashed bit tables whose collisions only cost a try of the pattern;
/// an offset with a non-ASCII scalar before the comparison is settled is always allowed, so
/// case folding beyond ASCII ("É", the Kelvin sign) and Unicode spaces never lose a match.
/// With `digits`, an ASCII digit that no digit precedes and a non-ASCII scalar may start a
/// match wherever they stand, inside a word too: a pattern anchored on numbers ("EUR15",
/// "½") that also starts at some words.
/// It never rejects an offset where the pattern can match, so the matches are the same as a
/// scan at every byte.
///
/// Immutable once built: the bit table is written only by `init`.
public final class WordStartFilter: @unchecked Sendable {
    /// The longest prefix compared, in characters.
    public static let length = 8

    private let capitals: Bool
    private let caseless: Bool
    private let digits: Bool
    /// Every offset at a word start may start a match (a prefix the table cannot hold).
    private let anyWord: Bool
    /// Two hashed bit tables of ``bitCount`` bits each, interleaved so that a step of a
    /// comparison reads one word: for a key hashed to `h`, bit `2h` when the key starts a
    /// prefix (so a comparison stops as soon as the text leaves them all), bit `2h + 1` when it
    /// is one.
    private let hashedBits: UnsafeMutablePointer<UInt64>
    /// An exact table of the first two characters of the prefixes, two bits per pair of
    /// characters (``pairIndex(_:_:caseless:)``): bit `2i` when a longer prefix begins with
    /// pair `i`, bit `2i + 1` when a prefix is the pair or its first character alone. It settles
    /// the first two steps of a comparison with one read of 16 KB instead of two dependent
    /// reads of the hashed tables, whose cache misses were the measured cost of
    /// ``nextStart(_:count:from:)``; the hashed tables go on from the third character.
    private let pairBits: UnsafeMutablePointer<UInt64>
    /// What each byte value is, as bits: ``wordByte`` (an ASCII letter or digit), ``firstByte``
    /// (may be the first of a match: letters of either case when `caseless`), ``digitByte``,
    /// ``numberByte`` (starts a number when `digits`: an ASCII digit or a non-ASCII lead
    /// byte). One table read per byte keeps ``nextStart(_:count:from:)``'s loop tight.
    private let byteClasses: UnsafeMutablePointer<UInt8>
    /// ``nextStart(_:count:from:)`` shifts ``firstByte`` onto ``wordByte``: they are bits 1 and 0.
    private static let wordByte: UInt8 = 1, firstByte: UInt8 = 2, digitByte: UInt8 = 4, numberByte: UInt8 = 8
    private static let bitCount = 1 << 16

    public init(capitals: Bool, prefixes: [String], caseless: Bool = true, digits: Bool = false) {
        self.capitals = capitals
        self.caseless = caseless
        self.digits = digits
        hashedBits = .allocate(capacity: Self.bitCount / 32)
        hashedBits.initialize(repeating: 0, count: Self.bitCount / 32)
        pairBits = .allocate(capacity: 1 << 11)
        pairBits.initialize(repeating: 0, count: 1 << 11)
        var anyWord = false
        var firstBytes = (0..<256).map { $0 >= 0x80 || (capitals && $0 >= 0x41 && $0 <= 0x5A) }
        for prefix in prefixes {
            // The ASCII head of the prefix, spaces collapsed; a non-ASCII scalar ends it, since
            // text with one there is always allowed.
            var key: UInt64 = 0, length = 0, previousWasSpace = false
            var firstTwo: [UInt8] = []
            for scalar in prefix.unicodeScalars {
                guard scalar.isASCII, length < Self.length else { break }
                let byte = UInt8(scalar.value)
                let isSpace = Self.isSpace(byte)
                if isSpace && previousWasSpace { continue }
                previousWasSpace = isSpace
                if length == 0 {
                    if isSpace {
                        for space: UInt8 in [0x20, 0x09, 0x0A, 0x0D] { firstBytes[Int(space)] = true }
                    } else if caseless && (byte | 0x20) &- 0x61 < 26 {
                        firstBytes[Int(byte | 0x20)] = true
                        firstBytes[Int(byte & 0xDF)] = true
                    } else {
                        firstBytes[Int(byte)] = true
                    }
                }
                key = key << 8 | UInt64(isSpace ? 0x20 : caseless ? Self.lowercased(byte) : byte)
                length += 1
                Self.set(2 * Self.bit(key), in: hashedBits)
                if firstTwo.count < 2 { firstTwo.append(byte) }
            }
            if firstTwo.count == 2 {
                let pair = Self.pairIndex(firstTwo[0], firstTwo[1], caseless: caseless)
                Self.set(2 * pair + (length == 2 ? 1 : 0), in: pairBits)
            } else if let only = firstTwo.first {
                for next in 0...UInt8.max { Self.set(2 * Self.pairIndex(only, next, caseless: caseless) + 1, in: pairBits) }
            }
            if length > 0 {
                Self.set(2 * Self.bit(key) + 1, in: hashedBits)
            } else if let first = prefix.unicodeScalars.first {
                // Text that starts with a non-ASCII scalar is always allowed; only one whose case
                // forms include ASCII could match ASCII text.
                let forms = first.properties.lowercaseMapping + first.properties.uppercaseMapping + first.properties.titlecaseMapping
                if caseless && forms.unicodeScalars.contains(where: \.isASCII) { anyWord = true }
            } else {
                anyWord = true
            }
        }
        self.anyWord = anyWord
        byteClasses = .allocate(capacity: 256)
        for value in 0..<256 {
            let byte = UInt8(value)
            var classes: UInt8 = 0
            if Self.isASCIILetterOrDigit(byte) { classes |= Self.wordByte }
            if anyWord || firstBytes[value] { classes |= Self.firstByte }
            if Self.isDigit(byte) { classes |= Self.digitByte }
            if digits && (Self.isDigit(byte) || byte >= 0xC0) { classes |= Self.numberByte }
            (byteClasses + value).initialize(to: classes)
        }
    }

    deinit {
        hashedBits.deallocate()
        pairBits.deallocate()
        byteClasses.deallocate()
    }

    /// The first offset from `offset` (up to `count`) where a match may start in `bytes`, or nil:
    /// a number's start (with `digits`), or a word start that ``mayStart(_:count:at:)`` allows.
    func nextStart(_ bytes: UnsafePointer<UInt8>, count: Int, from offset: Int) -> Int? {
        var offset = offset
        var previous: UInt8 = offset > 0 && offset <= count ? byteClasses[Int(bytes[offset - 1])] : 0
        if digits {
            while offset < count {
                let classes = byteClasses[Int(bytes[offset])]
                if classes & Self.numberByte != 0 && (classes & Self.digitByte == 0 || previous & Self.digitByte == 0) { return offset }
                // Inside a run of ASCII letters and digits no word starts.
                if previous & Self.wordByte == 0 && classes & Self.firstByte != 0 && mayStart(bytes, count: count, at: offset) { return offset }
                previous = classes
                offset &+= 1
            }
            return nil
        }
        // Without numbers, one test a byte (this loop reads every byte of a document once per
        // filtered scan): a byte that may begin a match, after none of a run of letters and digits.
        while offset < count {
            let classes = byteClasses[Int(bytes[offset])]
            if (classes >> 1) & ~previous & Self.wordByte != 0 && mayStart(bytes, count: count, at: offset) { return offset }
            previous = classes
            offset &+= 1
        }
        return nil
    }

    /// Whether a match may start at byte `offset` of `bytes` (`count` long).
    @inline(__always)
    func mayStart(_ bytes: UnsafePointer<UInt8>, count: Int, at offset: Int) -> Bool {
        guard offset < count else { return false }
        let byte = bytes[offset]
        if byte & 0xC0 == 0x80 { return false }
        if offset > 0 && Self.isASCIILetterOrDigit(bytes[offset - 1]) { return false }
        if byte >= 0x80 || anyWord || (capitals && byte &- 0x41 < 26) { return true }
        var key: UInt64 = 0, length = 0, index = offset, previousWasSpace = false
        // Two ASCII characters, the first no space (a run of spaces reads as one): the pair
        // table takes the first two steps.
        if offset + 1 < count, !Self.isSpace(byte), bytes[offset + 1] < 0x80 {
            let second = bytes[offset + 1]
            let bit = 2 * Self.pairIndex(byte, second, caseless: caseless)
            let pair = pairBits[bit >> 6] >> UInt64(bit & 63)
            if pair & 2 != 0 { return true }
            if pair & 1 == 0 { return false }
            previousWasSpace = Self.isSpace(second)
            key = UInt64(caseless ? Self.lowercased(byte) : byte) << 8 | UInt64(previousWasSpace ? 0x20 : caseless ? Self.lowercased(second) : second)
            length = 2
            index = offset + 2
        }
        while index < count && length < Self.length {
            let next = bytes[index]
            index += 1
            if next >= 0x80 { return true }
            let isSpace = Self.isSpace(next)
            if isSpace && previousWasSpace { continue }
            previousWasSpace = isSpace
            key = key << 8 | UInt64(isSpace ? 0x20 : caseless ? Self.lowercased(next) : next)
            length += 1
            let bit = 2 * Self.bit(key)
            let step = hashedBits[bit >> 6] >> UInt64(bit & 63)
            if step & 2 != 0 { return true }
            if step & 1 == 0 { return false }
        }
        return false
    }

    /// The bit of two characters in ``pairBits``, as a comparison reads them (lower-cased when
    /// `caseless`, any space as a space).
    @inline(__always) private static func pairIndex(_ first: UInt8, _ second: UInt8, caseless: Bool) -> Int {
        Int(caseless ? Self.lowercased(first) : first) << 8 | Int(Self.isSpace(second) ? 0x20 : caseless ? Self.lowercased(second) : second)
    }

    private static func set(_ bit: Int, in table: UnsafeMutablePointer<UInt64>) {
        table[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    @inline(__always) private static func bit(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bitCount.trailingZeroBitCount))
    }

    /// Space, tab and line ends read as one space: a pattern's space or `\h` never matches
    /// more than that, and a word list rendered with `[ \n]+` (PatternText.atoms) no more.
    @inline(__always) private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    @inline(__always) private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    @inline(__always) private static func isDigit(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10
    }

    @inline(__always) private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10
    }
}
