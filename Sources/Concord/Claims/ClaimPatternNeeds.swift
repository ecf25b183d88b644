/// What every match of a claim pattern holds: a mark of one of `kinds` (a placeholder's: a
/// sum for `{money}`, an organisation for `{org}`) or one of `words` (ASCII, letters in lower
/// case, no space: "acquired", "co-founded"). A pattern's needs are all met by any sentence it
/// matches, its masked text (``MaskedSentence``) and so its plain text too: a word has no
/// space and no byte of a mark, and the masked text outside its marks is the sentence's own
/// with line breaks as spaces.
struct ClaimPatternNeed: Hashable, Sendable {
    var kinds: MarkKinds
    var words: [[UInt8]]

    /// The shortest word the need is met by (3 for a mark alone): a longer one is written less
    /// often, so the need rules out more sentences.
    var strength: Int {
        var shortest = kinds.isEmpty ? Int.max : 3
        for word in words where word.count < shortest { shortest = word.count }
        return shortest
    }
}

/// Reads a claim pattern's text as written in its rule, placeholders unexpanded ("{subject}
/// acquired {object}"), for the needs of every match (``ClaimPatternNeed``): the runs of
/// plain ASCII characters every match holds (three characters or more, split at spaces), one
/// of the runs of each branch of a group every match holds, and the needs of the placeholders
/// (`placeholders`: name to what its text always holds, ``ClaimPlaceholders/needs()``).
///
/// Read on the short text as written, not on the expanded pattern with its alternations of
/// hundreds of words, which ``PatternFacts`` took some 900 M instructions to read for all the
/// claim rules (400 M with the word lists read as any text): this reader takes some 70,000 a
/// pattern (4 M for the English rules), and keeps only what the filter uses.
///
/// The needs are a superset: text the reader does not know (a back reference, an option
/// setting, `\Q...\E`, a verb) gives no needs at all, and classes, escapes for classes and
/// characters beyond ASCII are characters it knows nothing of.
enum ClaimPatternReader {
    /// The needs of `pattern`, in the order a match meets them; none when unreadable.
    static func needs(of pattern: String, placeholders: [String: [ClaimPatternNeed]]) -> [ClaimPatternNeed] {
        var reader = Reader(bytes: Array(pattern.utf8), placeholders: placeholders)
        guard let needs = try? reader.alternation(), reader.index == reader.bytes.count else { return [] }
        return needs
    }

    /// The shortest run kept as a word: shorter ones ("in", "'s") are in nearly every sentence.
    static let shortestWord = 3
    /// The most words one need holds: a longer alternation is in nearly every sentence.
    static let mostWords = 64

    /// Text the reader does not know.
    private struct Unknown: Error {}

    /// What an item of a sequence is.
    private enum Item {
        /// A plain character (an ASCII letter in lower case).
        case literal(UInt8)
        /// Zero-width: an anchor, `\b`, a lookaround.
        case zeroWidth
        /// A group, a placeholder, a class or any other character: the needs every match holds.
        case other([ClaimPatternNeed])
    }

    private struct Reader {
        let bytes: [UInt8]
        let placeholders: [String: [ClaimPatternNeed]]
        var index = 0

        init(bytes: [UInt8], placeholders: [String: [ClaimPatternNeed]]) {
            self.bytes = bytes
            self.placeholders = placeholders
        }

        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func take(_ byte: UInt8) -> Bool {
            guard peek == byte else { return false }
            index += 1
            return true
        }

        /// Branches: a match holds one of each branch's strongest need (none when a branch has none).
        mutating func alternation() throws(Unknown) -> [ClaimPatternNeed] {
            let first = try sequence()
            guard peek == UInt8(ascii: "|") else { return first }
            var union = ClaimPatternNeed(kinds: [], words: [])
            var branch = first, unmet = false
            while true {
                // A branch with no need: the group has none (the rest is still read).
                if let best = branch.max(by: { $0.strength < $1.strength }) {
                    union.kinds.formUnion(best.kinds)
                    union.words += best.words
                } else {
                    unmet = true
                }
                guard take(UInt8(ascii: "|")) else { break }
                branch = try sequence()
            }
            return unmet || union.words.count > ClaimPatternReader.mostWords ? [] : [union]
        }

        /// Items one after the other: every item's needs, and the runs of plain characters.
        mutating func sequence() throws(Unknown) -> [ClaimPatternNeed] {
            var needs: [ClaimPatternNeed] = []
            var run: [UInt8] = []
            func endRun() {
                var start = 0
                for end in 0...run.count where end == run.count || run[end] == 0x20 {
                    if end - start >= ClaimPatternReader.shortestWord { needs.append(ClaimPatternNeed(kinds: [], words: [Array(run[start..<end])])) }
                    start = end + 1
                }
                run.removeAll(keepingCapacity: true)
            }
            while let byte = peek, byte != UInt8(ascii: "|"), byte != UInt8(ascii: ")") {
                let item = try atom()
                let (minimum, maximum) = try quantifier()
                switch item {
                case .zeroWidth:
                    // Adjacent characters stay adjacent.
                    break
                case .literal(let character):
                    if minimum == 1 && maximum == 1 {
                        run.append(character)
                    } else {
                        endRun()
                    }
                case .other(let inner):
                    endRun()
                    if minimum >= 1 { needs += inner }
                }
            }
            endRun()
            return needs
        }

        /// A quantifier after an item, as (minimum, maximum); (1, 1) when none. A lazy or
        /// possessive one matches the same strings or fewer.
        mutating func quantifier() throws(Unknown) -> (Int, Int?) {
            let bounds: (Int, Int?)
            switch peek {
            case UInt8(ascii: "?"): index += 1; bounds = (0, 1)
            case UInt8(ascii: "*"): index += 1; bounds = (0, nil)
            case UInt8(ascii: "+"): index += 1; bounds = (1, nil)
            case UInt8(ascii: "{"):
                // A placeholder after the item is the next item.
                guard index + 1 < bytes.count, Bytes.isDigit(bytes[index + 1]) else { return (1, 1) }
                index += 1
                let minimum = number()
                var maximum: Int? = minimum
                if take(UInt8(ascii: ",")) { maximum = number() }
                guard let minimum, take(UInt8(ascii: "}")) else { throw Unknown() }
                bounds = (minimum, maximum)
            default: return (1, 1)
            }
            if peek == UInt8(ascii: "?") || peek == UInt8(ascii: "+") { index += 1 }
            return bounds
        }

        mutating func number() -> Int? {
            var value: Int?
            while let byte = peek, Bytes.isDigit(byte) {
                value = (value ?? 0) * 10 + Int(byte - UInt8(ascii: "0"))
                index += 1
            }
            return value
        }

        mutating func atom() throws(Unknown) -> Item {
            guard let byte = peek else { throw Unknown() }
            index += 1
            switch byte {
            case UInt8(ascii: "("): return try group()
            case UInt8(ascii: "["):
                try skipClass()
                return .other([])
            case UInt8(ascii: "\\"): return try escape()
            case UInt8(ascii: "{"): return try placeholder()
            case UInt8(ascii: "^"), UInt8(ascii: "$"): return .zeroWidth
            case UInt8(ascii: "."): return .other([])
            case UInt8(ascii: ")"), UInt8(ascii: "|"), UInt8(ascii: "?"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "}"), UInt8(ascii: "]"):
                throw Unknown()
            default:
                // A character beyond ASCII: nothing known of its cases.
                guard byte < 0x80 else { return .other([]) }
                return .literal(Bytes.isASCIILetter(byte) ? byte | 0x20 : byte)
            }
        }

        /// A group, read from after its `(`.
        mutating func group() throws(Unknown) -> Item {
            var zeroWidth = false
            if take(UInt8(ascii: "?")) {
                guard let kind = peek else { throw Unknown() }
                index += 1
                switch kind {
                case UInt8(ascii: ":"), UInt8(ascii: "|"), UInt8(ascii: ">"):
                    break
                case UInt8(ascii: "="), UInt8(ascii: "!"):
                    zeroWidth = true
                case UInt8(ascii: "<") where peek == UInt8(ascii: "=") || peek == UInt8(ascii: "!"):
                    index += 1
                    zeroWidth = true
                case UInt8(ascii: "<"), UInt8(ascii: "'"), UInt8(ascii: "P"):
                    // A named group: (?<name>, (?'name', (?P<name>.
                    if kind == UInt8(ascii: "P") && !take(UInt8(ascii: "<")) { throw Unknown() }
                    let close = kind == UInt8(ascii: "'") ? UInt8(ascii: "'") : UInt8(ascii: ">")
                    while let byte = peek, byte != close {
                        guard Bytes.isASCIILetter(byte) || Bytes.isDigit(byte) || byte == UInt8(ascii: "_") else { throw Unknown() }
                        index += 1
                    }
                    guard take(close) else { throw Unknown() }
                default:
                    // Options, conditions, recursion, comments.
                    throw Unknown()
                }
            } else if peek == UInt8(ascii: "*") {
                throw Unknown()  // a verb
            }
            let inner = try alternation()
            guard take(UInt8(ascii: ")")) else { throw Unknown() }
            return zeroWidth ? .zeroWidth : .other(inner)
        }

        /// An escape, read from after its backslash.
        mutating func escape() throws(Unknown) -> Item {
            guard let byte = peek else { throw Unknown() }
            index += 1
            switch byte {
            case UInt8(ascii: "b"), UInt8(ascii: "B"), UInt8(ascii: "A"), UInt8(ascii: "z"), UInt8(ascii: "Z"), UInt8(ascii: "G"):
                return .zeroWidth
            case UInt8(ascii: "h"), UInt8(ascii: "H"), UInt8(ascii: "s"), UInt8(ascii: "S"), UInt8(ascii: "d"), UInt8(ascii: "D"),
                 UInt8(ascii: "w"), UInt8(ascii: "W"), UInt8(ascii: "v"), UInt8(ascii: "V"), UInt8(ascii: "N"), UInt8(ascii: "R"),
                 UInt8(ascii: "X"), UInt8(ascii: "t"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "f"), UInt8(ascii: "e"), UInt8(ascii: "a"):
                return .other([])
            case UInt8(ascii: "p"), UInt8(ascii: "P"), UInt8(ascii: "x"), UInt8(ascii: "o"):
                // A property or a character by its code: \p{Lu}, \pL, \x{2019}, \x01, \o{17}.
                if take(UInt8(ascii: "{")) {
                    while let next = peek, next != UInt8(ascii: "}") { index += 1 }
                    guard take(UInt8(ascii: "}")) else { throw Unknown() }
                } else if byte == UInt8(ascii: "x") {
                    for _ in 0..<2 where peek.map(Self.isHexDigit) == true { index += 1 }
                } else if byte == UInt8(ascii: "o") {
                    throw Unknown()
                } else {
                    guard peek != nil else { throw Unknown() }
                    index += 1
                }
                return .other([])
            default:
                // Letters and digits not above (back references, \Q, \K, \g...) are not read;
                // any other ASCII character stands for itself.
                guard byte < 0x80, !Bytes.isASCIILetter(byte), !Bytes.isDigit(byte) else { throw Unknown() }
                return .literal(byte)
            }
        }

        static func isHexDigit(_ byte: UInt8) -> Bool {
            Bytes.isDigit(byte) || (byte | 0x20) &- 0x61 < 6
        }

        /// A class, read from after its `[`: up to its `]`, which may stand first; POSIX classes nest.
        mutating func skipClass() throws(Unknown) {
            _ = take(UInt8(ascii: "^"))
            var first = true
            while let byte = peek, byte != UInt8(ascii: "]") || first {
                first = false
                index += 1
                if byte == UInt8(ascii: "\\") {
                    guard peek != nil else { throw Unknown() }
                    if peek == UInt8(ascii: "Q") { throw Unknown() }
                    index += 1
                } else if byte == UInt8(ascii: "["), peek == UInt8(ascii: ":") {
                    while let next = peek, next != UInt8(ascii: "]") { index += 1 }
                    guard take(UInt8(ascii: "]")) else { throw Unknown() }
                }
            }
            guard take(UInt8(ascii: "]")) else { throw Unknown() }
        }

        /// A placeholder, read from after its `{`: what its text always holds.
        mutating func placeholder() throws(Unknown) -> Item {
            let start = index
            while let byte = peek, byte &- 0x61 < 26 { index += 1 }
            let name = String(decoding: bytes[start..<index], as: UTF8.self)
            guard take(UInt8(ascii: "}")), let needs = placeholders[name] else { throw Unknown() }
            return .other(needs)
        }
    }
}
