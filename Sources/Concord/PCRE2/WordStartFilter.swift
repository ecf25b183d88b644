/// Where a pattern whose matches start a word can start one: a cheap byte test that lets
/// ``Pattern/forEachMatch(in:from:to:startingAt:_:)`` try the pattern at a few offsets
/// instead of at every byte.
///
/// Built for a pattern whose every match starts where no ASCII letter or digit precedes
/// (its first item is `(?<![\p{L}\p{N}])`) and with a capital letter (when `capitals`) or
/// with one of `prefixes` (in any case when `caseless`; an empty prefix: with any word), a
/// space in a prefix standing for a run of white space. It allows an offset when that can be
/// so: the text's first characters (up to ``length``, each run of spaces, tabs and line ends
/// read as one space, every ASCII digit as `0`) are compared
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
public final class WordStartFilter: StartFilter, @unchecked Sendable {
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
    /// A second table of ``bitCount`` bits, of the keys that are prefixes, by a hash of its own
    /// (``secondBit(_:)``): a comparison that ``hashedBits`` says ends a prefix allows the offset
    /// only when this table says so too, since a collision there costs a try of the pattern.
    /// Measured on the English date pattern (2,066 prefixes) over 1,000 Reuters stories, 3,268 of
    /// its 8,410 tries that failed were let through by collisions ("new york", "financing"); with
    /// this table the scan ran 10 M instructions fewer (callgrind), its look-ups included.
    private let prefixBits: UnsafeMutablePointer<UInt64>
    /// An exact table of the first two characters of the prefixes, two bits per pair of
    /// characters (``pairIndex(_:_:caseless:)``): bit `2i` when a longer prefix begins with
    /// pair `i`, bit `2i + 1` when a prefix is the pair or its first character alone. It settles
    /// the first two steps of a comparison with one read of 16 KB instead of two dependent
    /// reads of the hashed tables, whose cache misses were the measured cost of
    /// ``nextStart(_:count:from:)``; the hashed tables go on from the third character.
    private let pairBits: UnsafeMutablePointer<UInt64>
    /// What ``allowsStart(_:count:at:)`` answers at a word start that follows no ASCII letter
    /// or digit and is not the last byte of the scan, by its first two bytes (two bits per pair
    /// of bytes, first byte high): ``rejected``, ``accepted``, ``goesOn`` when the two are
    /// ASCII characters that begin a longer prefix (``mayGoOn(_:count:at:after:length:)`` reads
    /// on), or ``undecided`` when ``mayBegin(_:count:at:anyCapital:)`` must read it all (a
    /// space first). One read settles most words of a walk of the text's ``WordStarts``,
    /// instead of the tests of its byte classes, its capital and its pair of characters.
    private let startVerdicts: UnsafeMutablePointer<UInt64>
    private static let rejected: UInt64 = 0, goesOn: UInt64 = 1, accepted: UInt64 = 2, undecided: UInt64 = 3
    /// What each byte value is, as bits: ``wordByte`` (an ASCII letter or digit), ``firstByte``
    /// (may be the first of a match: letters of either case when `caseless`), ``digitByte``,
    /// ``numberByte`` (starts a number when `digits`: an ASCII digit or a non-ASCII lead
    /// byte). One table read per byte that ``allowsStart(_:count:at:)`` tests.
    private let byteClasses: UnsafeMutablePointer<UInt8>
    /// Each byte as a comparison reads it (``folded(_:caseless:)``): one table read instead of
    /// the tests of a space and of a capital at each step of ``mayBegin(_:count:at:)``.
    private let foldedBytes: UnsafeMutablePointer<UInt8>
    /// ``nextStart(_:count:from:)`` shifts ``firstByte`` onto ``wordByte``: they are bits 1 and 0.
    /// No continuation byte of a non-ASCII scalar is a ``firstByte``.
    private static let wordByte: UInt8 = 1, firstByte: UInt8 = 2, digitByte: UInt8 = 4, numberByte: UInt8 = 8
    /// Which ASCII bytes may begin a match, by kind (upper-case letters, lower-case ones,
    /// digits, the rest), for ``nextStart(_:count:from:)``'s masks: ``Bytes/highBits`` when one
    /// of the kind may, else 0. Every non-ASCII byte may.
    private let firstUpper: UInt64, firstLower: UInt64, firstDigit: UInt64, firstOther: UInt64
    private static let bitCount = 1 << 16

    public init(capitals: Bool, prefixes: [String], caseless: Bool = true, digits: Bool = false) {
        self.capitals = capitals
        self.caseless = caseless
        self.digits = digits
        hashedBits = .allocate(capacity: Self.bitCount / 32)
        hashedBits.initialize(repeating: 0, count: Self.bitCount / 32)
        prefixBits = .allocate(capacity: Self.bitCount / 64)
        prefixBits.initialize(repeating: 0, count: Self.bitCount / 64)
        pairBits = .allocate(capacity: 1 << 11)
        pairBits.initialize(repeating: 0, count: 1 << 11)
        var anyWord = false
        var firstBytes = (0..<256).map { $0 >= 0x80 || (capitals && $0 >= 0x41 && $0 <= 0x5A) }
        for prefix in prefixes {
            // The ASCII head of the prefix, spaces collapsed; a non-ASCII scalar ends it, since
            // text with one there is always allowed. When no ASCII character can match that
            // scalar (none of its case forms is ASCII, or case counts), ASCII text there matches
            // no such prefix: the head only begins one ("0–" of a span "3–5 March" lets through
            // the digits followed by a non-ASCII scalar, not every number). Measured on the
            // English date pattern over 1,000 Reuters stories (callgrind): a head "0" that was a
            // prefix of its own let 10,880 numbers through to a try, 4 of which matched.
            var key: UInt64 = 0, length = 0, previousWasSpace = false
            var firstTwo: [UInt8] = []
            var endsBeforeNonASCII = false
            for scalar in prefix.unicodeScalars {
                guard length < Self.length else { break }
                guard scalar.isASCII else {
                    endsBeforeNonASCII = !(caseless && Self.hasASCIICaseForm(scalar))
                    break
                }
                let byte = UInt8(scalar.value)
                let isSpace = Self.isSpace(byte)
                if isSpace && previousWasSpace { continue }
                previousWasSpace = isSpace
                if length == 0 {
                    if isSpace {
                        for space: UInt8 in [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D] { firstBytes[Int(space)] = true }
                    } else if caseless && (byte | 0x20) &- 0x61 < 26 {
                        firstBytes[Int(byte | 0x20)] = true
                        firstBytes[Int(byte & 0xDF)] = true
                    } else if Bytes.isDigit(byte) {
                        for digit in UInt8(ascii: "0")...UInt8(ascii: "9") { firstBytes[Int(digit)] = true }
                    } else {
                        firstBytes[Int(byte)] = true
                    }
                }
                key = key << 8 | UInt64(Self.folded(byte, caseless: caseless))
                length += 1
                Self.set(2 * Self.bit(key), in: hashedBits)
                if firstTwo.count < 2 { firstTwo.append(byte) }
            }
            if endsBeforeNonASCII && length > 0 {
                // A head of two characters begins a longer prefix; one of a single character
                // needs no pair, since text with a non-ASCII second byte skips the pair table.
                if firstTwo.count == 2 { Self.set(2 * Self.pairIndex(firstTwo[0], firstTwo[1], caseless: caseless), in: pairBits) }
                continue
            }
            if firstTwo.count == 2 {
                let pair = Self.pairIndex(firstTwo[0], firstTwo[1], caseless: caseless)
                Self.set(2 * pair + (length == 2 ? 1 : 0), in: pairBits)
            } else if let only = firstTwo.first {
                for next in 0...UInt8.max { Self.set(2 * Self.pairIndex(only, next, caseless: caseless) + 1, in: pairBits) }
            }
            if length > 0 {
                Self.set(Self.secondBit(key), in: prefixBits)
                Self.set(2 * Self.bit(key) + 1, in: hashedBits)
            } else if let first = prefix.unicodeScalars.first {
                // Text that starts with a non-ASCII scalar is always allowed; only one whose case
                // forms include ASCII could match ASCII text.
                if caseless && Self.hasASCIICaseForm(first) { anyWord = true }
            } else {
                anyWord = true
            }
        }
        self.anyWord = anyWord
        func firstMask(_ kind: (UInt8) -> Bool) -> UInt64 {
            (0..<UInt8(0x80)).contains { kind($0) && (anyWord || firstBytes[Int($0)]) } ? Bytes.highBits : 0
        }
        firstUpper = firstMask { $0 &- 0x41 < 26 }
        firstLower = firstMask { $0 &- 0x61 < 26 }
        firstDigit = firstMask(Bytes.isDigit)
        firstOther = firstMask { !Self.isASCIILetterOrDigit($0) }
        foldedBytes = .allocate(capacity: 256)
        for value in 0..<256 { (foldedBytes + value).initialize(to: Self.folded(UInt8(value), caseless: caseless)) }
        byteClasses = .allocate(capacity: 256)
        for value in 0..<256 {
            let byte = UInt8(value)
            var classes: UInt8 = 0
            if Self.isASCIILetterOrDigit(byte) { classes |= Self.wordByte }
            // No continuation byte starts a scalar, so none begins a match.
            if (anyWord || firstBytes[value]) && byte & 0xC0 != 0x80 { classes |= Self.firstByte }
            if Bytes.isDigit(byte) { classes |= Self.digitByte }
            if digits && (Bytes.isDigit(byte) || byte >= 0xC0) { classes |= Self.numberByte }
            (byteClasses + value).initialize(to: classes)
        }
        startVerdicts = .allocate(capacity: 1 << 11)
        // A row of eight words a first byte; the pair table decides only after an ASCII one.
        let everyPair: UInt64 = 0x5555_5555_5555_5555
        for first in 0...UInt8.max {
            let row = startVerdicts + Int(first) * 8
            if let verdict = startVerdict(first) {
                for word in 0..<8 { row[word] = verdict &* everyPair }
                continue
            }
            let folded = foldedBytes[Int(first)]
            for word in 0..<4 { row[word] = 0 }
            for second in 0..<Int(0x80) {
                let bit = 2 * (Int(folded) << 8 | Int(foldedBytes[second]))
                let pair = pairBits[bit >> 6] >> UInt64(bit & 63)
                let verdict = pair & 2 != 0 ? Self.accepted : pair & 1 == 0 ? Self.rejected : Self.goesOn
                row[second >> 5] |= verdict << UInt64(2 * (second & 31))
            }
            // A non-ASCII scalar second: the comparison allows the offset unless the first
            // character alone leaves every prefix.
            let key = UInt64(folded), bit = 2 * Self.bit(key)
            let step = hashedBits[bit >> 6] >> UInt64(bit & 63)
            let verdict = step & 1 == 0 && !(step & 2 != 0 && isPrefix(key)) ? Self.rejected : Self.accepted
            for word in 4..<8 { row[word] = verdict &* everyPair }
        }
    }

    /// What ``allowsStart(_:count:at:)`` answers at an offset that follows no ASCII letter or
    /// digit and holds `first` (a scalar's first byte), whatever follows: the same tests up to
    /// the pair of characters. nil when what follows decides (an ASCII character that is no
    /// space).
    private func startVerdict(_ first: UInt8) -> UInt64? {
        let classes = byteClasses[Int(first)]
        if digits && classes & Self.numberByte != 0 { return Self.accepted }
        if classes & Self.firstByte == 0 { return Self.rejected }
        if first >= 0x80 || anyWord || (capitals && Bytes.isASCIIUpper(first)) { return Self.accepted }
        return Self.isSpace(first) ? Self.undecided : nil
    }

    deinit {
        hashedBits.deallocate()
        prefixBits.deallocate()
        pairBits.deallocate()
        byteClasses.deallocate()
        foldedBytes.deallocate()
        startVerdicts.deallocate()
    }

    /// The first offset from `offset` (up to `count`) where a match may start in `bytes`, or nil:
    /// the first that ``allowsStart(_:count:at:)`` allows.
    ///
    /// Eight bytes at a time (this loop reads every byte of a document once per filtered scan):
    /// a few integer operations (``Bytes`` SWAR masks) mark the bytes that may pass
    /// ``allowsStart(_:count:at:)``, a superset of them (a byte that may begin a match after a
    /// byte that is no ASCII letter or digit; with `digits`, a digit after a non-digit or the
    /// lead byte of a non-ASCII scalar), and only those are tested. Measured over all filtered
    /// scans of 1,000 Reuters stories (callgrind), a loop of a table read and a test a byte
    /// cost 137.6 M instructions; this one, with ``foldedBytes``, 110.9 M. Most of what is left
    /// is the comparisons at word starts: about one byte in seven is tested.
    public func nextStart(_ bytes: UnsafePointer<UInt8>, count: Int, from offset: Int) -> Int? {
        guard offset < count else { return nil }
        var offset = offset
        let raw = UnsafeRawPointer(bytes)
        // Whether the byte before the word is no ASCII letter or digit (no digit), in bit 7.
        let before = offset > 0 ? bytes[offset - 1] : 0x20
        var afterNonWord: UInt64 = Self.isASCIILetterOrDigit(before) ? 0 : 0x80
        var afterNonDigit: UInt64 = Bytes.isDigit(before) ? 0 : 0x80
        while offset + 8 <= count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            // Lead bytes of non-ASCII scalars (0xC0 and up); no continuation byte starts a match.
            let lead = word & word << 1 & Bytes.highBits
            // Letters of either case as one range; bit 5 (shifted onto bit 7) tells lower case.
            let letter = Bytes.bytes(of: word | Bytes.lowBits &* 0x20, from: 0x61, through: 0x7A)
            let lowerCase = word << 2
            let digit = Bytes.bytes(of: word, from: 0x30, through: 0x39)
            let nonWord = ~(letter | digit) & Bytes.highBits
            let firstLetter = letter & (lowerCase & firstLower | ~lowerCase & firstUpper)
            var candidates = (nonWord << 8 | afterNonWord) & (firstLetter | digit & firstDigit | nonWord & firstOther | lead)
            if digits { candidates |= digit & (~digit << 8 | afterNonDigit) | lead }
            while candidates != 0 {
                let index = offset + candidates.trailingZeroBitCount / 8
                if allowsStart(bytes, count: count, at: index) { return index }
                candidates &= candidates &- 1
            }
            afterNonWord = nonWord >> 56
            afterNonDigit = ~digit >> 56 & 0x80
            offset += 8
        }
        while offset < count {
            if allowsStart(bytes, count: count, at: offset) { return offset }
            offset += 1
        }
        return nil
    }

    /// The first offset from `offset` (up to `count`) where a match may start in `bytes`, or nil,
    /// as ``nextStart(_:count:from:)`` finds it, read from the text's word starts: only they
    /// can pass ``allowsStart(_:count:at:)``, whose answer at most of them is one read of
    /// ``startVerdicts``. The text's bytes are read once for all filters (``WordStarts``),
    /// each filter only at the words. Measured over the filtered scans of 1,000 Reuters
    /// stories (callgrind): 85.7 M instructions when each read every byte, 41.3 M now, and
    /// 9.4 M to find the word starts.
    public func nextStart(_ bytes: UnsafePointer<UInt8>, count: Int, from offset: Int, wordStarts: inout WordStartCursor) -> Int? {
        wordStarts.first(from: offset, below: count) { start, followsWord in
            // After a letter or digit: a digit after a letter, a non-ASCII scalar.
            if followsWord { return digits }
            guard start + 1 < count else { return allowsStart(bytes, count: count, at: start) }
            let first = bytes[start], second = bytes[start + 1]
            let pair = Int(first) << 8 | Int(second)
            switch startVerdicts[pair >> 5] >> UInt64(2 * (pair & 31)) & 3 {
            case Self.rejected: return false
            case Self.accepted: return true
            case Self.goesOn:
                let key = UInt64(foldedBytes[Int(first)]) << 8 | UInt64(foldedBytes[Int(second)])
                return mayGoOn(bytes, count: count, at: start + 2, after: key, length: 2)
            default: return mayBegin(bytes, count: count, at: start)
            }
        }
    }

    /// Whether a match may start at byte `offset` (below `count`): a number's start (with
    /// `digits`), or a byte that may begin a match after none of a run of ASCII letters and
    /// digits (inside such a run no word starts) where ``mayBegin(_:count:at:)`` allows it.
    @inline(__always)
    func allowsStart(_ bytes: UnsafePointer<UInt8>, count: Int, at offset: Int) -> Bool {
        let classes = byteClasses[Int(bytes[offset])]
        let previous = offset > 0 ? byteClasses[Int(bytes[offset - 1])] : 0
        if digits && classes & Self.numberByte != 0 && (classes & Self.digitByte == 0 || previous & Self.digitByte == 0) { return true }
        return (classes >> 1) & ~previous & Self.wordByte != 0 && mayBegin(bytes, count: count, at: offset)
    }

    /// Whether a match may start at byte `offset` of `bytes` (`count` long). With `anyCapital`
    /// false, a filter of `capitals` answers as one without them: whether a prefix begins
    /// there (``NameStartFilter`` asks where a lead word begins, from the same tables).
    @inline(__always)
    func mayStart(_ bytes: UnsafePointer<UInt8>, count: Int, at offset: Int, anyCapital: Bool = true) -> Bool {
        guard offset < count else { return false }
        if bytes[offset] & 0xC0 == 0x80 { return false }
        if offset > 0 && Self.isASCIILetterOrDigit(bytes[offset - 1]) { return false }
        return mayBegin(bytes, count: count, at: offset, anyCapital: anyCapital)
    }

    /// Whether a match may start at byte `offset` (below `count`), which starts a scalar and
    /// follows no ASCII letter or digit: whether the text there begins with a prefix.
    @inline(__always)
    private func mayBegin(_ bytes: UnsafePointer<UInt8>, count: Int, at offset: Int, anyCapital: Bool = true) -> Bool {
        let byte = bytes[offset]
        if byte >= 0x80 || anyWord || (capitals && anyCapital && Bytes.isASCIIUpper(byte)) { return true }
        // Two ASCII characters, the first no space (a run of spaces reads as one): the pair
        // table takes the first two steps.
        if offset + 1 < count, !Self.isSpace(byte), bytes[offset + 1] < 0x80 {
            let first = foldedBytes[Int(byte)], second = foldedBytes[Int(bytes[offset + 1])]
            let bit = 2 * (Int(first) << 8 | Int(second))
            let pair = pairBits[bit >> 6] >> UInt64(bit & 63)
            if pair & 2 != 0 { return true }
            if pair & 1 == 0 { return false }
            return mayGoOn(bytes, count: count, at: offset + 2, after: UInt64(first) << 8 | UInt64(second), length: 2)
        }
        return mayGoOn(bytes, count: count, at: offset, after: 0, length: 0)
    }

    /// Whether the text from byte `index` on may go on with a prefix that begins with `key`,
    /// the `length` characters read so far (each a byte of `key`, as ``folded(_:caseless:)``
    /// reads it): the steps of a comparison after the pair table, by the hashed tables.
    private func mayGoOn(_ bytes: UnsafePointer<UInt8>, count: Int, at index: Int, after key: UInt64, length: Int) -> Bool {
        var key = key, length = length, index = index
        var previousWasSpace = length > 0 && key & 0xFF == 0x20
        while index < count && length < Self.length {
            let next = bytes[index]
            index += 1
            if next >= 0x80 { return true }
            let folded = foldedBytes[Int(next)]
            let isSpace = folded == 0x20
            if isSpace && previousWasSpace { continue }
            previousWasSpace = isSpace
            key = key << 8 | UInt64(folded)
            length += 1
            let bit = 2 * Self.bit(key)
            let step = hashedBits[bit >> 6] >> UInt64(bit & 63)
            if step & 2 != 0 && isPrefix(key) { return true }
            if step & 1 == 0 { return false }
        }
        return false
    }


    /// The bit of two characters in ``pairBits``, as a comparison reads them (lower-cased when
    /// `caseless`, any space as a space).
    @inline(__always) private static func pairIndex(_ first: UInt8, _ second: UInt8, caseless: Bool) -> Int {
        Int(folded(first, caseless: caseless)) << 8 | Int(folded(second, caseless: caseless))
    }

    /// A byte as a comparison reads it: any space as a space, any ASCII digit as `0`,
    /// lower-cased when `caseless`. Digits are one character so that a prefix can go on past
    /// them (``PatternPrefixes`` reads a class of digits as `0`): a date pattern's prefixes
    /// "00 jan", "0000-" reject the numbers of a text that begin no date ("155,221 bags", "5.93
    /// mln"), where prefixes "1" to "9" let every number start a try of the pattern.
    private static func folded(_ byte: UInt8, caseless: Bool) -> UInt8 {
        isSpace(byte) ? 0x20 : Bytes.isDigit(byte) ? 0x30 : caseless ? lowercased(byte) : byte
    }

    private static func set(_ bit: Int, in table: UnsafeMutablePointer<UInt64>) {
        table[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    @inline(__always) private static func bit(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bitCount.trailingZeroBitCount))
    }

    /// Whether ``prefixBits`` holds `key`'s bit.
    @inline(__always) private func isPrefix(_ key: UInt64) -> Bool {
        let bit = Self.secondBit(key)
        return prefixBits[bit >> 6] >> UInt64(bit & 63) & 1 != 0
    }

    /// The bit of `key` in ``prefixBits``: another multiplier, so that keys that share a bit of
    /// ``hashedBits`` seldom share one here.
    @inline(__always) private static func secondBit(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0xC2B2_AE3D_27D4_EB4F) >> UInt64(64 - bitCount.trailingZeroBitCount))
    }

    /// Space, tab and the ASCII line ends (LF, VT, FF, CR: ``Bytes/isSpace(_:)``) read as one
    /// space: a pattern's space, `\h` or `\R` never matches more than that (beyond ASCII, where
    /// the filter allows the offset), nor a word list rendered with `[ \n]+` (PatternText.atoms).
    @inline(__always) private static func isSpace(_ byte: UInt8) -> Bool { Bytes.isSpace(byte) }

    /// Whether a caseless match may take an ASCII character for `scalar` ("k" for the Kelvin
    /// sign, "S" for "ſ"), and `scalar` for an ASCII character.
    static func hasASCIICaseForm(_ scalar: Unicode.Scalar) -> Bool {
        let forms = scalar.properties.lowercaseMapping + scalar.properties.uppercaseMapping + scalar.properties.titlecaseMapping
        return forms.unicodeScalars.contains(where: \.isASCII)
    }

    @inline(__always) private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    @inline(__always) private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10
    }
}

extension Bytes {
    /// The mask of the ASCII bytes of `word` from `low` through `high` (both below 0x80), exact
    /// in every byte: no sum carries from one byte into the next.
    @inline(__always) static func bytes(of word: UInt64, from low: UInt8, through high: UInt8) -> UInt64 {
        let ascii = word & ~highBits
        let atLeastLow = ascii &+ lowBits &* UInt64(0x80 - low), aboveHigh = ascii &+ lowBits &* UInt64(0x7F - high)
        return atLeastLow & ~aboveHigh & ~word & highBits
    }
}
