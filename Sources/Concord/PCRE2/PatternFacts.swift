/// What every match of a caseless pattern must hold, read from the pattern's text: the bytes
/// a match can start with, literal strings one of which every match starts with ("share",
/// "like", "tweet"... for a row of share buttons), and literal strings one of which every
/// match contains ("/" or "getty images" for a photo credit, ".jpg" or ".png" for an image
/// file name). A cheap test on these facts tells a line that no rule can match without
/// running PCRE2 (see ``BoilerplateLineFilter``).
///
/// The facts are a superset: whatever the reader does not understand (a back reference, an
/// option setting, `\Q...\E`) makes the whole pattern unknown (``init(caselessPattern:)``
/// returns nil), and classes and properties only widen the first bytes. Literals are kept
/// as bytes: ASCII letters lower-cased, other characters only where they have no other case
/// (`»`, `©`, `/`); a letter with another case ends a literal. The two characters whose
/// caseless match is an ASCII letter (U+017F `ſ` for `s`, U+212A `K` for `k`) are the
/// caller's to look for (``foldsToASCII``).
struct PatternFacts {
    /// The bytes a non-empty match can start with (ASCII letters in both cases; every byte
    /// from 0x80 for a character beyond ASCII).
    var first: ByteSet
    /// Whether the pattern can match the empty string.
    var canBeEmpty: Bool
    /// Strings of which every match starts with one; nil when none is known.
    var prefixes: Set<[UInt8]>?
    /// Sets of strings such that every match contains a string of each set (a caption with
    /// its credit: "(" or "[", and "photo", "foto"... or "/"); empty when none is known. The
    /// ``maximumRequiredSets`` strongest are kept.
    var required: [Set<[UInt8]>]
    /// Every string the pattern can match, when they are few and all literal.
    var exact: Set<[UInt8]>?

    /// The most strings a literal set holds; a longer alternation or product is not kept.
    static let maximumLiterals = 64
    /// The most sets of required strings kept.
    static let maximumRequiredSets = 4
    /// The longest literal kept.
    static let maximumLiteralLength = 48

    /// The UTF-8 of the characters that match an ASCII letter caselessly (U+017F, U+212A).
    static let foldsToASCII: [[UInt8]] = [Array("\u{017F}".utf8), Array("\u{212A}".utf8)]

    /// The facts of `source` compiled caseless with UTF and UCP, or nil where the text holds
    /// syntax the reader does not know.
    init?(caselessPattern source: String) {
        var reader = Reader(scalars: Array(source.unicodeScalars))
        guard let facts = try? reader.alternation(), reader.index == reader.scalars.count else { return nil }
        self = facts
    }

    private init(first: ByteSet, canBeEmpty: Bool, prefixes: Set<[UInt8]>?, required: [Set<[UInt8]>], exact: Set<[UInt8]>?) {
        self.first = first
        self.canBeEmpty = canBeEmpty
        self.prefixes = prefixes.flatMap { $0.contains([]) ? nil : $0 }
        self.required = required
        self.exact = exact
    }

    /// A zero-width item (an anchor, a lookaround, `\b`).
    private static let empty = PatternFacts(first: ByteSet(), canBeEmpty: true, prefixes: nil, required: [], exact: [[]])

    /// One character, or a class of characters: `literals` are its members as literals when
    /// all are known and few.
    private static func character(first: ByteSet, literals: Set<[UInt8]>?) -> PatternFacts {
        PatternFacts(first: first, canBeEmpty: false, prefixes: literals, required: literals.map { [$0] } ?? [], exact: literals)
    }

    /// A run of plain characters, `text` as a literal, starting with `first`.
    private static func text(_ text: [UInt8], first: ByteSet) -> PatternFacts {
        PatternFacts(first: first, canBeEmpty: false, prefixes: [text], required: [[text]], exact: [text])
    }

    /// The strongest set of required strings this item offers (``strength(of:)``): its own
    /// strings or one of its required sets.
    private var bestRequired: Set<[UInt8]>? {
        Self.strongest(required + (exact.flatMap { $0.contains([]) ? nil : [$0] } ?? [])).first
    }

    /// `sets` without repeats, the ones a line holds by chance least often first (the
    /// weakest string is stronger), at most ``maximumRequiredSets``; a set of single letters
    /// or spaces, which every line holds, is left out.
    private static func strongest(_ sets: [Set<[UInt8]>]) -> [Set<[UInt8]>] {
        var unique: [Set<[UInt8]>] = []
        for set in sets where !unique.contains(set) && strength(of: set) > 1 { unique.append(set) }
        let ranked = unique.map { (set: $0, strength: strength(of: $0)) }.sorted { $0.strength > $1.strength }
        return ranked.prefix(maximumRequiredSets).map(\.set)
    }

    /// How rare a set of strings is in running text: the weakest string's length, where a
    /// byte that is not a letter, digit or space (`/`, `(`, `»`) counts three.
    private static func strength(of literals: Set<[UInt8]>) -> Int {
        literals.map { $0.reduce(0) { $0 + (Bytes.isASCIILetter($1) || Bytes.isDigit($1) || $1 == 0x20 ? 1 : 3) } }.min() ?? 0
    }

    /// Every concatenation of a string of `a` with one of `b`, or nil when too many or too long.
    private static func product(_ a: Set<[UInt8]>, _ b: Set<[UInt8]>) -> Set<[UInt8]>? {
        guard a.count * b.count <= maximumLiterals else { return nil }
        var result = Set<[UInt8]>()
        for x in a {
            for y in b {
                guard x.count + y.count <= maximumLiteralLength else { return nil }
                result.insert(x + y)
            }
        }
        return result
    }

    /// Items one after the other.
    private static func sequence(_ items: [PatternFacts]) -> PatternFacts {
        var first = ByteSet(), canBeEmpty = true
        for item in items where canBeEmpty {
            first.formUnion(item.first)
            canBeEmpty = item.canBeEmpty
        }
        // Runs of items whose strings are known give longer literals ("." then "jpg").
        var required: [Set<[UInt8]>] = []
        var exact: Set<[UInt8]>? = [[]]
        var run: Set<[UInt8]> = [[]]
        for item in items {
            required += item.required
            exact = exact.flatMap { whole in item.exact.flatMap { product(whole, $0) } }
            if let strings = item.exact {
                if let longer = product(run, strings) {
                    run = longer
                } else {
                    if !run.contains([]) { required.append(run) }
                    run = strings
                }
            } else {
                if !run.contains([]) { required.append(run) }
                run = [[]]
            }
        }
        if !run.contains([]) { required.append(run) }
        required = strongest(required)
        // The strings the leading items spell, then the prefixes of the first item whose
        // strings are not known.
        var prefixes: Set<[UInt8]> = [[]]
        for item in items {
            if let strings = item.exact, let longer = product(prefixes, strings) {
                prefixes = longer
                continue
            }
            if let strings = item.prefixes, let longer = product(prefixes, strings) { prefixes = longer }
            break
        }
        return PatternFacts(first: first, canBeEmpty: canBeEmpty, prefixes: prefixes, required: required, exact: exact)
    }

    /// Alternatives: a match holds one of the strings of whichever branch it took.
    private static func alternation(_ branches: [PatternFacts]) -> PatternFacts {
        guard branches.count > 1 else { return branches[0] }
        var first = ByteSet(), canBeEmpty = false
        var prefixes: Set<[UInt8]>? = []
        var union: Set<[UInt8]>? = []
        var exact: Set<[UInt8]>? = []
        for branch in branches {
            first.formUnion(branch.first)
            canBeEmpty = canBeEmpty || branch.canBeEmpty
            prefixes = prefixes.flatMap { union in branch.prefixes.map { union.union($0) } }
            union = union.flatMap { strings in branch.bestRequired.map { strings.union($0) } }
            exact = exact.flatMap { union in branch.exact.map { union.union($0) } }
        }
        if let strings = exact, strings.count > maximumLiterals { exact = nil }
        return PatternFacts(first: first, canBeEmpty: canBeEmpty, prefixes: prefixes, required: union.map { [$0] } ?? [], exact: exact)
    }

    /// `item` repeated `minimum` to `maximum` times (nil: no bound).
    private static func repetition(_ item: PatternFacts, minimum: Int, maximum: Int?) -> PatternFacts {
        if minimum == 0 {
            let exact = maximum == 1 ? item.exact.map { $0.union([[]]) } : nil
            return PatternFacts(first: item.first, canBeEmpty: true, prefixes: nil, required: [], exact: exact)
        }
        let exact = minimum == 1 && maximum == 1 ? item.exact : nil
        return PatternFacts(first: item.first, canBeEmpty: item.canBeEmpty, prefixes: item.prefixes, required: item.required, exact: exact)
    }

    /// Syntax the reader does not know.
    private struct Unknown: Error {}

    /// Reads the pattern text left to right.
    private struct Reader {
        let scalars: [Unicode.Scalar]
        var index = 0

        var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        mutating func take(_ text: String) -> Bool {
            let wanted = Array(text.unicodeScalars)
            guard index + wanted.count <= scalars.count, Array(scalars[index..<index + wanted.count]) == wanted else { return false }
            index += wanted.count
            return true
        }

        mutating func alternation() throws(Unknown) -> PatternFacts {
            var branches = [try sequence()]
            while peek == "|" {
                index += 1
                branches.append(try sequence())
            }
            return PatternFacts.alternation(branches)
        }

        mutating func sequence() throws(Unknown) -> PatternFacts {
            var items: [PatternFacts] = []
            // Plain characters not under a quantifier make one literal.
            var text: [UInt8] = [], textFirst = ByteSet()
            while let scalar = peek, scalar != "|", scalar != ")" {
                if let literal = Self.plain(scalar), index + 1 >= scalars.count || !"?*+{".unicodeScalars.contains(scalars[index + 1]) {
                    index += 1
                    if text.isEmpty { textFirst = ByteSet(caseless: scalar) }
                    text += literal
                    continue
                }
                if !text.isEmpty {
                    items.append(PatternFacts.text(text, first: textFirst))
                    text = []
                }
                items.append(try quantified(try atom()))
            }
            if !text.isEmpty { items.append(PatternFacts.text(text, first: textFirst)) }
            return PatternFacts.sequence(items)
        }

        /// The literal of a character that stands for itself outside a class, or nil.
        static func plain(_ scalar: Unicode.Scalar) -> [UInt8]? {
            guard !"\\[]().^$|?*+{}".unicodeScalars.contains(scalar) else { return nil }
            return literal(scalar)
        }

        mutating func quantified(_ item: PatternFacts) throws(Unknown) -> PatternFacts {
            let bounds: (Int, Int?)
            switch peek {
            case "?": index += 1; bounds = (0, 1)
            case "*": index += 1; bounds = (0, nil)
            case "+": index += 1; bounds = (1, nil)
            case "{":
                index += 1
                let minimum = number()
                var maximum: Int? = minimum
                if peek == "," {
                    index += 1
                    maximum = number()
                }
                guard let minimum, peek == "}" else { throw Unknown() }
                index += 1
                bounds = (minimum, maximum)
            default: return item
            }
            if peek == "+" || peek == "?" { index += 1 }  // possessive or lazy: the same matches or fewer
            return PatternFacts.repetition(item, minimum: bounds.0, maximum: bounds.1)
        }

        mutating func number() -> Int? {
            var value: Int?
            while let scalar = peek, let digit = Int(String(scalar)), scalar.isASCII {
                value = (value ?? 0) * 10 + digit
                index += 1
            }
            return value
        }

        mutating func atom() throws(Unknown) -> PatternFacts {
            guard let scalar = peek else { throw Unknown() }
            index += 1
            switch scalar {
            case "(":
                var zeroWidth = false
                if take("?:") || take("?>") {
                } else if take("?=") || take("?!") || take("?<=") || take("?<!") {
                    zeroWidth = true
                } else if take("?<") || take("?P<") {
                    while let name = peek, name != ">" { index += 1 }
                    guard take(">") else { throw Unknown() }
                } else if peek == "?" || peek == "*" {
                    throw Unknown()
                }
                let inner = try alternation()
                guard take(")") else { throw Unknown() }
                return zeroWidth ? PatternFacts.empty : inner
            case "[": return try characterClass()
            case "\\": return try escape()
            case "^", "$": return PatternFacts.empty
            case ".": return PatternFacts.character(first: ByteSet.all, literals: nil)
            case ")", "|", "?", "*", "+", "{": throw Unknown()
            default: return PatternFacts.character(first: ByteSet(caseless: scalar), literals: Self.literal(scalar).map { [$0] })
            }
        }

        /// A character as a literal: ASCII lower-cased, or a character without other case.
        static func literal(_ scalar: Unicode.Scalar) -> [UInt8]? {
            if scalar.isASCII { return [UInt8(scalar.value) | (Bytes.isASCIILetter(UInt8(scalar.value)) ? 0x20 : 0)] }
            let text = String(scalar)
            guard text.lowercased() == text, text.uppercased() == text else { return nil }
            return Array(text.utf8)
        }

        /// The escape after a backslash: a character, a class of them, or an assertion.
        mutating func escape() throws(Unknown) -> PatternFacts {
            guard let scalar = peek else { throw Unknown() }
            index += 1
            switch scalar {
            case "b", "B", "A", "z", "Z", "G", "K": return PatternFacts.empty
            case "t": return PatternFacts.character(first: ByteSet([0x09]), literals: [[0x09]])
            case "n": return PatternFacts.character(first: ByteSet([0x0A]), literals: [[0x0A]])
            case "d", "w", "s", "h", "v", "D", "W", "S", "H", "V", "N", "R", "X":
                return PatternFacts.character(first: try classMembers(escape: scalar), literals: nil)
            case "p", "P":
                index -= 1
                return PatternFacts.character(first: try classMembers(escape: scalar), literals: nil)
            default:
                guard scalar.isASCII, !Bytes.isASCIILetter(UInt8(scalar.value)), !Bytes.isDigit(UInt8(scalar.value)) else { throw Unknown() }
                return PatternFacts.character(first: ByteSet(caseless: scalar), literals: [[UInt8(scalar.value)]])
            }
        }

        /// The first bytes of a class escape (`\d`, `\p{Lu}`...), read from after the
        /// backslash: its ASCII members (classes are told by their general category's first
        /// letter, so `\p{Lu}` stands for every letter) and every byte from 0x80.
        mutating func classMembers(escape: Unicode.Scalar) throws(Unknown) -> ByteSet {
            var members = ByteSet.nonASCII
            switch escape {
            case "d": members.insert(Bytes.isDigit)
            case "w": members.insert { Bytes.isASCIILetter($0) || Bytes.isDigit($0) || $0 == UInt8(ascii: "_") }
            case "s", "h", "v": members.insert(Bytes.isSpace)
            case "p":
                index += 1
                guard take("{"), let category = peek else { throw Unknown() }
                while let name = peek, name != "}" { index += 1 }
                guard take("}") else { throw Unknown() }
                switch category {
                case "L": members.insert(Bytes.isASCIILetter)
                case "N": members.insert(Bytes.isDigit)
                case "P", "S": members.insert { $0 > 0x20 && $0 < 0x7F && !Bytes.isASCIILetter($0) && !Bytes.isDigit($0) }
                case "M": break
                case "Z": members.insert { $0 == 0x20 }
                default: return ByteSet.all
                }
            default:
                // Negated classes and the rest: any byte.
                if escape == "P" {
                    index += 1
                    guard take("{") else { throw Unknown() }
                    while let name = peek, name != "}" { index += 1 }
                    guard take("}") else { throw Unknown() }
                }
                return ByteSet.all
            }
            return members
        }

        /// A bracketed class, read from after its `[`.
        mutating func characterClass() throws(Unknown) -> PatternFacts {
            var first = ByteSet()
            var literals: Set<[UInt8]>? = []
            let negated = take("^")
            var isFirstMember = true
            while let scalar = peek, scalar != "]" || isFirstMember {
                isFirstMember = false
                index += 1
                var member = scalar
                if scalar == "\\" {
                    guard let escaped = peek else { throw Unknown() }
                    index += 1
                    switch escaped {
                    case "t": member = "\t"
                    case "n": member = "\n"
                    case "d", "w", "s", "h", "v", "D", "W", "S", "H", "V":
                        first.formUnion(try classMembers(escape: escaped))
                        literals = nil
                        continue
                    case "p", "P":
                        index -= 1
                        first.formUnion(try classMembers(escape: escaped))
                        literals = nil
                        continue
                    default:
                        guard escaped.isASCII, !Bytes.isASCIILetter(UInt8(escaped.value)), !Bytes.isDigit(UInt8(escaped.value)) else { throw Unknown() }
                        member = escaped
                    }
                } else if scalar == "[" && peek == ":" {
                    throw Unknown()  // a POSIX class
                }
                if peek == "-", index + 1 < scalars.count, scalars[index + 1] != "]" {
                    // A range: its ASCII members, or any byte from 0x80.
                    index += 1
                    guard var last = peek, last != "\\" else { throw Unknown() }
                    index += 1
                    if last.value < member.value { swap(&last, &member) }
                    for value in member.value...min(last.value, 0x7F) {
                        first.formUnion(ByteSet(caseless: Unicode.Scalar(value)!))
                    }
                    if last.value >= 0x80 { first.formUnion(ByteSet.nonASCII) }
                    literals = nil
                    continue
                }
                first.formUnion(ByteSet(caseless: member))
                if let known = literals, let literal = Self.literal(member) {
                    literals = known.union([literal])
                } else {
                    literals = nil
                }
            }
            guard take("]") else { throw Unknown() }
            if negated { return PatternFacts.character(first: ByteSet.all, literals: nil) }
            if let known = literals, known.count > 16 { literals = nil }
            return PatternFacts.character(first: first, literals: literals)
        }
    }
}

/// A set of bytes, 256 bits.
struct ByteSet: Sendable {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    init() {}

    init(_ bytes: [UInt8]) {
        for byte in bytes { insert(byte) }
    }

    /// The bytes a character can start with under caseless matching: an ASCII letter in
    /// both cases, every byte from 0x80 for any other character beyond ASCII.
    init(caseless scalar: Unicode.Scalar) {
        guard scalar.isASCII else {
            self = .nonASCII
            return
        }
        let byte = UInt8(scalar.value)
        insert(byte)
        if Bytes.isASCIILetter(byte) {
            insert(byte | 0x20)
            insert(byte & ~0x20)
        }
    }

    static let all: ByteSet = {
        var set = ByteSet()
        set.words = (~0, ~0, ~0, ~0)
        return set
    }()

    static let nonASCII: ByteSet = {
        var set = ByteSet()
        set.words.2 = ~0
        set.words.3 = ~0
        return set
    }()

    @inline(__always) mutating func insert(_ byte: UInt8) {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }

    /// Inserts every ASCII byte that `isMember`.
    mutating func insert(_ isMember: (UInt8) -> Bool) {
        for byte in UInt8(0)..<0x80 where isMember(byte) { insert(byte) }
    }

    mutating func formUnion(_ other: ByteSet) {
        words = (words.0 | other.words.0, words.1 | other.words.1, words.2 | other.words.2, words.3 | other.words.3)
    }

    /// Whether every member of `other` is one of this set's.
    @inline(__always) func isSuperset(of other: ByteSet) -> Bool {
        words.0 & other.words.0 == other.words.0 && words.1 & other.words.1 == other.words.1
            && words.2 & other.words.2 == other.words.2 && words.3 & other.words.3 == other.words.3
    }

    func contains(_ byte: UInt8) -> Bool {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: return words.0 & bit != 0
        case 1: return words.1 & bit != 0
        case 2: return words.2 & bit != 0
        default: return words.3 & bit != 0
        }
    }
}
