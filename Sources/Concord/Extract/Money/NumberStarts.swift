/// Which numbers the money scan may match at: a number in digits is a sum's core only with
/// a scale, a currency or a glued price unit after it, or a hint of a currency before it
/// (``MoneyGrammar``'s `scan`, whose tries of its large alternations cost a few thousand
/// instructions each). Most numbers of news text have none of these ("12 pct", "March 3",
/// "1,500 tonnes"); this test, in a few byte comparisons, spares the scan those tries.
///
/// It never rejects a number the scan can match: it lets through a number before which
/// the text may end with a hint (``MoneyGrammar``'s `prefixHint`: a symbol character, an
/// upper-case letter, a lower-case symbol, code or prefix name, perhaps with a space), or
/// after any of whose possible ends (after any of its digits) a closing parenthesis, or a
/// scale, connector, currency name, symbol, code or glued unit may begin (perhaps after a
/// space, a line break or a hyphen), by ``LiteralKeys``, which never say no where a literal
/// stands.
struct NumberStarts: Sendable {
    /// The words, symbols and codes that may follow a number in a sum.
    let followers: LiteralKeys
    /// The lower-case symbols, codes and prefix names a hint may end with, read backwards.
    let hintEnds: LiteralKeys
    /// ASCII characters a hint may end with: upper-case letters and the last characters of
    /// symbols that end in no letter ("$", ".").
    let hintCharacters: [Bool]

    /// Whether the scan may match at the ASCII digit at `offset` (no digit before it), in
    /// `bytes` up to `count`.
    func mayMatch(_ bytes: UnsafePointer<UInt8>, count: Int, at offset: Int) -> Bool {
        // `(?<![\p{N}][.,'])`: digits after a decimal or group mark are not a number's start.
        if offset >= 2, Bytes.isDigit(bytes[offset - 2]) {
            let mark = bytes[offset - 1]
            if mark == UInt8(ascii: ".") || mark == UInt8(ascii: ",") || mark == UInt8(ascii: "'") { return false }
        }
        if mayFollowHint(bytes, at: offset) { return true }
        var end = offset
        while true {
            while end < count, Bytes.isDigit(bytes[end]) { end += 1 }
            // `end` may end the number.
            if end >= count { return false }
            let next = bytes[end]
            if next >= 0x80 || next == UInt8(ascii: ")") { return true }
            if followers.mayStand(bytes, at: end, count: count) { return true }
            if next == UInt8(ascii: "-"), followers.mayStand(bytes, at: end + 1, count: count) { return true }
            // The number may go on past a mark or a space ("1,500", "1-1/2", "8 3/4").
            guard !Bytes.isASCIILetter(next), end + 1 < count, Bytes.isDigit(bytes[end + 1]) else { return false }
            end += 1
        }
    }

    /// Whether the text before `offset` may end with a hint of a currency: a hint character
    /// or literal right before, or before one space.
    private func mayFollowHint(_ bytes: UnsafePointer<UInt8>, at offset: Int) -> Bool {
        guard offset > 0 else { return false }
        var before = bytes[offset - 1]
        if before == UInt8(ascii: " ") {
            guard offset > 1 else { return false }
            before = bytes[offset - 2]
        }
        if before >= 0x80 || hintCharacters[Int(before)] { return true }
        return hintEnds.mayStand(bytes, at: offset, count: offset)
    }
}

extension NumberStarts {
    /// The test for a scan whose numbers need no hint before them, only one of `followers`
    /// after them (percentages: "49%", "8-1/4 pct", "4.5 percentage points").
    init(followers: LiteralKeys) {
        self.init(followers: followers, hintEnds: LiteralKeys([], backwards: true), hintCharacters: Array(repeating: false, count: 128))
    }
}
