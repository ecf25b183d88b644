/// Where a try of a language's name scan (``EntityGrammar/names``) may match: at a word that
/// ``words`` allows (a capital, or the start of a role, title, cue or head word), and there
/// only where a branch can get past the name that starts it.
///
/// The branches that start with a lead word (a role, a title, a cue) are tried only where
/// one begins. Every other branch reads a capitalised name at the try and needs
/// something after it: a comma (an apposition, a role, a list of names, a legal suffix), or
/// white space and a word of ``afterSpaceWords`` (a verb of saying or one only an
/// organisation takes, a joiner of a list, a legal suffix or org word, a particle). So the
/// filter walks the words from the try (runs of bytes up to white space or a comma) while
/// they start with a capital or a digit, and allows the try at the first such sign after
/// one; it rejects it when the run ends without one: at a line end, at a word in lower case
/// that starts none of them, or at any other byte. A byte of a non-ASCII scalar met before
/// that allows the try: the walk reads ASCII only.
///
/// Measured on the English names over the first 1,000 Reuters stories (a C harness
/// replaying the scan's 32,228 tries under callgrind): 18,212 of them rejected, none that
/// matched; the tries' instructions 102 M → 50 M.
///
/// It never rejects a try where the pattern matches, since each word list is a superset of
/// what the pattern's branches read there (``WordStartFilter`` compares prefixes, case
/// folded); `EntityTests` checks it on every language's rule examples.
final class NameStartFilter: StartFilter {
    /// Where the scan may start at all (the filter the scan used alone before), and where a
    /// lead word begins (asked without its capitals).
    let words: WordStartFilter
    /// What may stand after a name and white space, and after a name and a comma.
    private let afterSpaceWords: WordStartFilter, afterCommaWords: WordStartFilter
    /// The most words a walk reads before it allows a try unread: more than any name holds.
    static let longestWalk = 12

    /// A filter from the words the pattern's branches start with (`leadWords`: "" when any
    /// word may, as where descriptor heads end compounds, "Softwarefirma": then every try of
    /// ``words`` stands), those that may follow a name and white space (`afterSpace`) and
    /// those that may follow a name and a comma (`afterComma`).
    init(leadWords: [String], afterSpace: [String], afterComma: [String]) {
        words = WordStartFilter(capitals: true, prefixes: leadWords)
        afterSpaceWords = WordStartFilter(capitals: false, prefixes: afterSpace)
        afterCommaWords = WordStartFilter(capitals: false, prefixes: afterComma)
    }

    func nextStart(_ bytes: UnsafePointer<UInt8>, count: Int, from offset: Int) -> Int? {
        nextStart(bytes, count: count, from: offset) { words.nextStart(bytes, count: count, from: $0) }
    }

    func nextStart(_ bytes: UnsafePointer<UInt8>, count: Int, from offset: Int, wordStarts: inout WordStartCursor) -> Int? {
        nextStart(bytes, count: count, from: offset) { words.nextStart(bytes, count: count, from: $0, wordStarts: &wordStarts) }
    }

    /// The first offset from `offset` where a try may match, given where ``words`` next allows
    /// one from an offset (`nextWord`).
    @inline(__always)
    private func nextStart(_ bytes: UnsafePointer<UInt8>, count: Int, from offset: Int, nextWord: (Int) -> Int?) -> Int? {
        var offset = offset
        // Where the last walk that rejected a try stopped: a try at a capital before it,
        // inside the words that walk read, would stop there too ("NEW YORK, March 2 -").
        var rejectedBefore = 0
        while let start = nextWord(offset) {
            if words.mayStart(bytes, count: count, at: start, anyCapital: false) { return start }
            if start >= rejectedBefore {
                let (allowed, end) = walk(bytes, count: count, from: start)
                if allowed { return start }
                rejectedBefore = end
            }
            offset = start + 1
        }
        return nil
    }

    /// Whether a branch that starts with a name may match at `offset`, and where the walk
    /// stopped.
    private func walk(_ bytes: UnsafePointer<UInt8>, count: Int, from offset: Int) -> (allowed: Bool, end: Int) {
        var position = offset
        // A name starts with a capital; `words` lets through lower case only for lead words.
        guard position < count, Bytes.isASCIIUpper(bytes[position]) || bytes[position] >= 0x80 else { return (false, position) }
        for _ in 0..<Self.longestWalk {
            // The rest of the word: above the comma, every ASCII byte is part of it.
            while position < count {
                let byte = bytes[position]
                if byte >= 0x80 { return (true, position) }
                if byte <= UInt8(ascii: ",") && (byte == UInt8(ascii: ",") || Bytes.isSpace(byte)) { break }
                position += 1
            }
            let wordEnd = position
            position = Self.afterBlanks(bytes, count: count, from: position)
            guard position < count else { return (false, position) }
            let afterComma = bytes[position] == UInt8(ascii: ",")
            if afterComma {
                // Blanks may stand before a comma, and none after it in a list ("A,B").
                position = Self.afterBlanks(bytes, count: count, from: position + 1)
                guard position < count else { return (false, position) }
            } else if position == wordEnd {
                // Neither white space nor a comma after the word: a line end.
                return (false, position)
            }
            let byte = bytes[position]
            if byte >= 0x80 || (afterComma ? afterCommaWords : afterSpaceWords).mayStart(bytes, count: count, at: position) { return (true, position) }
            // The name goes on with a capitalised word (after a comma, the next of a list),
            // or a number (a product's version: "Llama 3").
            guard Bytes.isASCIIUpper(byte) || (!afterComma && Bytes.isDigit(byte)) else { return (false, position) }
        }
        return (true, position)
    }

    /// The first offset from `offset` that holds no space or tab.
    private static func afterBlanks(_ bytes: UnsafePointer<UInt8>, count: Int, from offset: Int) -> Int {
        var position = offset
        while position < count, isBlank(bytes[position]) { position += 1 }
        return position
    }

    @inline(__always) private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }
}
