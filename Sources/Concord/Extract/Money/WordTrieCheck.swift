/// Whether one of a list of rule words stands at an offset, as a pattern built from the
/// list matches it (``PatternText/alternation(_:bounded:foldCase:)``: caseless, a space for
/// a run of spaces and line breaks, a word that ends in a letter followed by no letter, a
/// word open at its end with `*`): a walk of a trie of the words' ASCII bytes.
///
/// The money scan tries its pattern at word starts that a ``WordStartFilter`` lets
/// through; the filter compares at most eight characters and no word end, so that
/// "market", "senior", "new york" and "u.s. government" pass for "mark", "sen", "new
/// zealand dollars" and "u.s. dollars", each a try of a large alternation that fails. This
/// check rejects them in a few steps.
///
/// It never says no where a word stands: text with a non-ASCII byte where the walk reads
/// passes (a caseless form of a letter, "’" for "'", a letter that may follow a word),
/// and a list with a non-ASCII character that has an ASCII case form gives no check (nil).
struct WordTrieCheck: Sendable {
    /// The children of node `n` are `childBytes[childStart[n]..<childStart[n + 1]]`, leading to
    /// the nodes of the same places in `childNodes`.
    private let childStart: [Int32]
    private let childBytes: [UInt8]
    private let childNodes: [Int32]
    /// Whether a word ends at a node: `free` whatever follows, `bounded` where no ASCII letter follows.
    private let ends: [UInt8]
    private static let free: UInt8 = 1, bounded: UInt8 = 2

    /// A check of `words` as rule words (bounded where they end in a letter) and of `codes`,
    /// matched as written and followed by no ASCII letter (``CurrencyTable/scaledCodePattern``),
    /// here compared caseless. Nil when a word cannot be read this way.
    init?(words: [String], codes: [String]) {
        var children: [[UInt8: Int32]] = [[:]]
        var ends: [UInt8] = [0]
        func insert(_ scalars: [Unicode.Scalar], end: UInt8) -> Bool {
            var node = 0
            var previousWasSpace = false
            for scalar in scalars {
                guard scalar.isASCII else {
                    // Text with a non-ASCII byte here passes; none of ASCII could match it
                    // unless its case forms include ASCII.
                    return !WordStartFilter.hasASCIICaseForm(scalar)
                }
                var byte = LiteralKeys.lowercased(UInt8(scalar.value))
                if LiteralKeys.isSpace(byte) {
                    if previousWasSpace { continue }
                    byte = 0x20
                }
                previousWasSpace = byte == 0x20
                if let next = children[node][byte] {
                    node = Int(next)
                } else {
                    children.append([:])
                    ends.append(0)
                    children[node][byte] = Int32(children.count - 1)
                    node = children.count - 1
                }
            }
            guard node != 0 else { return false }  // an empty word matches anywhere
            ends[node] |= end
            return true
        }
        for word in words {
            var scalars = Array(word.unicodeScalars.map { $0 == "’" ? "'" : $0 })
            let open = scalars.last == "*"
            if open { scalars.removeLast() }
            let end = !open && word.last?.isLetter == true ? Self.bounded : Self.free
            guard insert(scalars, end: end) else { return nil }
        }
        for code in codes {
            guard insert(Array(code.unicodeScalars), end: code.last?.isLetter == true ? Self.bounded : Self.free) else { return nil }
        }
        var childStart: [Int32] = [0], childBytes: [UInt8] = [], childNodes: [Int32] = []
        for node in children {
            for (byte, next) in node.sorted(by: { $0.key < $1.key }) {
                childBytes.append(byte)
                childNodes.append(next)
            }
            childStart.append(Int32(childBytes.count))
        }
        self.childStart = childStart
        self.childBytes = childBytes
        self.childNodes = childNodes
        self.ends = ends
    }

    /// Whether a word may stand in `bytes` at `offset`, read no further than `count`.
    func mayMatch(_ bytes: UnsafePointer<UInt8>, count: Int, at offset: Int) -> Bool {
        childStart.withUnsafeBufferPointer { childStart in
            childBytes.withUnsafeBufferPointer { childBytes in
                childNodes.withUnsafeBufferPointer { childNodes in
                    ends.withUnsafeBufferPointer { ends in
                        var node = 0
                        var index = offset
                        while true {
                            let end = ends[node]
                            if end & Self.free != 0 { return true }
                            if end & Self.bounded != 0 {
                                // `(?!\p{L})`: the end of what may be read, a non-ASCII byte (perhaps
                                // no letter) or an ASCII byte that is no letter.
                                if index >= count || bytes[index] >= 0x80 || !Bytes.isASCIILetter(bytes[index]) { return true }
                            }
                            guard index < count else { return false }
                            var byte = bytes[index]
                            if byte >= 0x80 { return true }
                            index += 1
                            if LiteralKeys.isSpace(byte) {
                                byte = 0x20
                                while index < count, LiteralKeys.isSpace(bytes[index]) { index += 1 }
                            } else {
                                byte = LiteralKeys.lowercased(byte)
                            }
                            var child = Int(childStart[node])
                            let last = Int(childStart[node + 1])
                            while child < last, childBytes[child] != byte { child += 1 }
                            guard child < last else { return false }
                            node = Int(childNodes[child])
                        }
                    }
                }
            }
        }
    }
}
