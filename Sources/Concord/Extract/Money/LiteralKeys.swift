/// The first (or last) few characters of a list of literals — currency names, symbols,
/// codes, scale words — as bit tables: a cheap test that text may begin (or end) with one
/// of them, run before a pattern that would look for them, so that the pattern is not
/// tried where none can stand.
///
/// It never says no where a literal stands, in any of the forms a pattern built from the
/// list matches: letters compare without case (ASCII), white space in the text or the
/// literal is skipped (a pattern writes a space as `[ \n]+` or `[ ]?`), and text with a
/// non-ASCII byte before the comparison is settled always passes (case folding beyond ASCII,
/// "’" for "'", Unicode spaces). So it may say yes where no literal stands (a key is only the
/// first ``length`` characters; the third character is hashed), never the reverse.
///
/// A literal shorter than ``length`` that ends in a letter and that its pattern bounds
/// (`(?!\p{L})` after it, or a lookbehind for no letter before it, reading backwards) is
/// kept apart: it counts only where no ASCII letter comes next ("m" of "5 m", not of "5
/// March"; "R" before a number, not "for").
final class LiteralKeys: @unchecked Sendable {
    /// Characters compared.
    static let length = 3

    /// One literal as the pattern matches it: `bounded` when no letter may follow it (before
    /// it, for keys read backwards).
    struct Literal {
        var text: String
        var bounded: Bool
    }

    /// Whether the keys run backwards, from the end of the literals and of the text.
    let backwards: Bool
    /// A literal the keys cannot stand for (empty, or whose first compared scalar has an ASCII
    /// case form): every text passes.
    let passesAll: Bool
    /// Bit tables: one character (256 bits), two (65,536 bits, exact) and three (hashed into
    /// 65,536 bits), then the bounded ones of one and two characters.
    private let bits: UnsafeMutablePointer<UInt64>
    private static let oneOffset = 0, twoOffset = 4, threeOffset = 4 + 1024, boundedOneOffset = 4 + 2048, boundedTwoOffset = 8 + 2048
    private static let words = 8 + 3072

    init(_ literals: [Literal], backwards: Bool) {
        self.backwards = backwards
        bits = .allocate(capacity: Self.words)
        bits.initialize(repeating: 0, count: Self.words)
        var passesAll = false
        for literal in literals {
            var scalars = Array(literal.text.unicodeScalars)
            var open = false
            if scalars.last == "*" {  // a rule word open at its end ("acqui*")
                scalars.removeLast()
                open = true
            }
            if backwards { scalars.reverse() }
            var key: [UInt8] = []
            var whole = true
            for scalar in scalars {
                if Self.isSpace(scalar) { continue }
                guard key.count < Self.length else { whole = false; break }
                guard scalar.isASCII else {
                    // Text with a non-ASCII byte here always passes; only a scalar whose case
                    // forms include ASCII could match ASCII text.
                    if key.isEmpty && WordStartFilter.hasASCIICaseForm(scalar) { passesAll = true }
                    whole = false
                    break
                }
                key.append(Self.lowercased(UInt8(scalar.value)))
            }
            guard !key.isEmpty else {
                if whole { passesAll = true }  // an empty literal matches anywhere
                continue
            }
            let last = key[key.count - 1]
            if whole && !open && literal.bounded && key.count < Self.length && Bytes.isASCIILetter(last) {
                Self.set(key.count == 1 ? Self.boundedOneOffset * 64 + Int(key[0]) : Self.boundedTwoOffset * 64 + Self.pair(key[0], key[1]), in: bits)
            } else {
                switch key.count {
                case 1: Self.set(Self.oneOffset * 64 + Int(key[0]), in: bits)
                case 2: Self.set(Self.twoOffset * 64 + Self.pair(key[0], key[1]), in: bits)
                default: Self.set(Self.threeOffset * 64 + Self.triple(key[0], key[1], key[2]), in: bits)
                }
            }
        }
        self.passesAll = passesAll
    }

    deinit { bits.deallocate() }

    private static func set(_ bit: Int, in bits: UnsafeMutablePointer<UInt64>) { bits[bit >> 6] |= 1 << UInt64(bit & 63) }

    @inline(__always) private func isSet(_ bit: Int) -> Bool { bits[bit >> 6] >> UInt64(bit & 63) & 1 != 0 }

    /// Whether a literal may stand in `bytes` from `offset` on (white space first skipped),
    /// reading no further than `count`; for keys read backwards, whether one may end at
    /// `offset`, reading no further back than `limit`.
    func mayStand(_ bytes: UnsafePointer<UInt8>, at offset: Int, count: Int, limit: Int = 0) -> Bool {
        if passesAll { return true }
        // The text's first characters, lower-cased, and whether white space came before each.
        var characters: (UInt8, UInt8, UInt8) = (0, 0, 0)
        var spaced: (Bool, Bool, Bool) = (false, false, false)
        var found = 0
        var index = offset
        var sawSpace = false
        while found < Self.length {
            let byte: UInt8
            if backwards {
                guard index > limit else { break }
                index -= 1
                byte = bytes[index]
            } else {
                guard index < count else { break }
                byte = bytes[index]
                index += 1
            }
            if Self.isSpace(byte) { sawSpace = true; continue }
            if byte >= 0x80 { return true }
            let folded = Self.lowercased(byte)
            switch found {
            case 0: characters.0 = folded; spaced.0 = sawSpace
            case 1: characters.1 = folded; spaced.1 = sawSpace
            default: characters.2 = folded; spaced.2 = sawSpace
            }
            sawSpace = false
            found += 1
        }
        guard found > 0 else { return false }
        // A bounded key counts where the text ends after it (within what may be read) or goes
        // on with no ASCII letter.
        if isSet(Self.oneOffset * 64 + Int(characters.0)) { return true }
        if isSet(Self.boundedOneOffset * 64 + Int(characters.0)) && (found == 1 || spaced.1 || !Bytes.isASCIILetter(characters.1)) { return true }
        guard found > 1 else { return false }
        let pair = Self.pair(characters.0, characters.1)
        if isSet(Self.twoOffset * 64 + pair) { return true }
        if isSet(Self.boundedTwoOffset * 64 + pair) && (found == 2 || spaced.2 || !Bytes.isASCIILetter(characters.2)) { return true }
        guard found > 2 else { return false }
        return isSet(Self.threeOffset * 64 + Self.triple(characters.0, characters.1, characters.2))
    }

    @inline(__always) private static func pair(_ first: UInt8, _ second: UInt8) -> Int {
        Int(first) << 8 | Int(second)
    }

    @inline(__always) private static func triple(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> Int {
        let key = UInt64(first) << 16 | UInt64(second) << 8 | UInt64(third)
        return Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 48)
    }

    @inline(__always) static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && isSpace(UInt8(scalar.value))
    }

    @inline(__always) static func lowercased(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }
}
