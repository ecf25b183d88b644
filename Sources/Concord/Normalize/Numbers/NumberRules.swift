/// How one language writes numbers, read from `Rules/numbers/<lang>.yaml`: its decimal
/// mark, the marks that group thousands, written number words and scale words. The
/// extractors compose their patterns from the fragments it builds; ``NumberReader`` turns
/// the matched text back into exact values with the same tables.
public struct NumberRules: Sendable {
    /// ISO 639-1 code of the language.
    public let language: String
    /// The mark a single ambiguous separator stands for when it is this one (`.` in English).
    public let decimalMark: Character
    /// Marks (besides spaces and apostrophes) that may group thousands.
    public let groupMarks: [Character]
    /// Whether a plain space may group thousands (`1 500 000` in French).
    public let spaceGroups: Bool
    /// Regions whose writers use another decimal mark than the language's
    /// (`regional_decimal_marks`: Spanish in MX writes `1,200.5`). Where the language lists
    /// any, the document's own unambiguous numbers settle its style first (see
    /// ``NumberReader/reader(region:text:)``).
    public let regionalDecimalMarks: [String: Character]
    /// Written units and tens ("fifteen" → 15), lower case.
    let units: [String: ExactDecimal]
    /// Words that multiply by a hundred.
    let hundreds: Set<String>
    /// Fractions that multiply what precedes ("half" → 0.5).
    let fractions: [String: ExactDecimal]
    /// Words that may join written numbers ("and", "of").
    let joiners: Set<String>
    /// Spoken decimal points ("one point five", "zwei Komma fünf"), and the words for a
    /// zero digit after one ("one point zero five").
    let decimalWords: Set<String>
    let zeroWords: Set<String>
    /// Scale words with their power of ten, lower case ("million" → 6).
    let scales: [String: Int]
    /// Scale words as written, spelled ones and abbreviations apart.
    let spelledScales: [String]
    let abbreviatedScales: [String]
    /// Articles that read as 1 ("a million"), folded.
    let articles: Set<String>
    /// Scale words that may begin a written number ("mil euros", "mille dollars").
    let leadingScales: [String]
    /// Words after a scale that add half of it ("deux millions et demi", "dos millones y
    /// medio"), folded.
    let halfAfterScale: [String]
    /// Every word of `units`, `hundreds`, `fractions`, `scales`, `joiners`, `decimalWords`
    /// and `zeroWords`: one look-up tells a number word (``NumberReader``), and none is
    /// longer than `longestWord` characters.
    let numberWords: Set<String>
    let longestWord: Int
    /// The first two characters of every number word (the whole word when it has one): a
    /// text whose first two characters (or first one) are none of them begins no number.
    let numberWordStarts: Set<String>
    /// The first piece (up to a space or hyphen) of every number word of several pieces
    /// ("quatre" of "quatre-vingt", "mil" of "mil millones"): ``NumberReader`` joins a piece
    /// of a text with the pieces after it only where it is one of these.
    let multiPieceHeads: Set<String>
    /// Words that make the number after them negative ("minus 0,5 Prozent"), folded, and
    /// the words that make one of them a tolerance two words later ("plus or minus 15 pct").
    let minusWords: FoldedWords
    let plusWords: FoldedWords

    /// Reads the rules of `language`; throws ``RuleError`` naming the file and line of a bad entry.
    public init(rules: RuleSet, language: String) throws {
        let path = "numbers/\(language).yaml"
        guard let file = rules.file(path) else {
            throw RuleError(origin: RuleOrigin(file: path, line: 0), message: "no number rules for language '\(language)'")
        }
        try self.init(file: file)
    }

    init(file: RuleFile) throws {
        let root = file.root
        language = try root.string("language")
        decimalMark = try Self.character(root["decimal_mark"], in: root)
        groupMarks = try root.list("group_marks").map { try Self.character($0, in: root) }
        spaceGroups = root["space_groups"]?.scalar == "true"
        regionalDecimalMarks = Dictionary(uniqueKeysWithValues: try root.pairs("regional_decimal_marks").map { pair in
            let mark = try Self.character(pair.value, in: root)
            guard mark == "." || mark == "," else { throw RuleError(origin: pair.value.origin, message: "a decimal mark is '.' or ','") }
            return (pair.key.uppercased(), mark)
        })
        units = try Self.decimals(root, "units")
        hundreds = Set(try root.strings("hundreds").map { $0.lowercased() })
        fractions = try Self.decimals(root, "fractions")
        joiners = Set(try root.strings("joiners").map { $0.lowercased() })
        decimalWords = Set(try root.strings("decimal_words").map(Self.folded))
        zeroWords = Set(try root.strings("zero_words").map(Self.folded))
        let abbreviations = Set(try root.strings("abbreviations"))
        leadingScales = try root.strings("leading_scales")
        articles = Set(try root.strings("articles").map(Self.folded))
        halfAfterScale = try root.strings("half_after_scale").map(Self.folded)
        minusWords = FoldedWords(try root.strings("minus_words").map(Self.folded))
        plusWords = FoldedWords(try root.strings("plus_words").map(Self.folded))
        var scales: [String: Int] = [:]
        var spelled: [String] = [], abbreviated: [String] = []
        for entry in try root.list("scales") {
            guard let power = Int(try entry.string("power")) else {
                throw RuleError(origin: entry.origin, message: "'power' must be a whole number")
            }
            for word in try entry.strings("words") {
                scales[word.lowercased()] = scales[word.lowercased()] ?? power
                if abbreviations.contains(word) { abbreviated.append(word) } else { spelled.append(word) }
            }
        }
        self.scales = scales
        spelledScales = spelled
        abbreviatedScales = abbreviated
        numberWords = Set(units.keys).union(hundreds).union(fractions.keys).union(scales.keys).union(joiners).union(decimalWords).union(zeroWords)
        longestWord = numberWords.map(\.count).max() ?? 0
        // A word whose second character is a space or hyphen may be read from pieces joined
        // either way ("y medio", "y-medio"): its first character alone counts too.
        numberWordStarts = Set(numberWords.flatMap { word -> [String] in
            let second = word.dropFirst().first
            return second == " " || second == "-" ? [String(word.prefix(2)), String(word.prefix(1))] : [String(word.prefix(2))]
        })
        multiPieceHeads = Set(numberWords.compactMap { word in
            word.firstIndex { $0 == " " || $0 == "-" }.map { String(word[..<$0]) }
        })
    }

    /// Where the minus sign of the number (or sum) that starts at `offset` begins: a hyphen or
    /// minus sign glued before it ("-0.3%", "−0,3 %", "-€2m") after a space, a bracket, a
    /// straight quote or the start of the text, and not after a number ("3 -5%" joins a range), or a
    /// word of `minus_words` before it ("minus 0,5 Prozent") unless it closes a tolerance
    /// ("plus or minus 15 pct", `plus_words`). Nil where the number has none.
    func minusSignStart(before offset: Int, in buffer: TextBuffer) -> Int? {
        var sign: Int?
        if offset >= 1, buffer[byte: offset - 1] == UInt8(ascii: "-") {
            sign = offset - 1
        } else if offset >= 3, buffer[byte: offset - 3] == 0xE2, buffer[byte: offset - 2] == 0x88, buffer[byte: offset - 1] == 0x92 {
            sign = offset - 3  // U+2212 MINUS SIGN
        }
        guard let sign else {
            let word = buffer.wordRange(before: offset)
            guard word.upperBound < offset, minusWords.contains(word, in: buffer) else { return nil }
            let joiner = buffer.wordRange(before: word.lowerBound)
            return plusWords.contains(buffer.wordRange(before: joiner.lowerBound), in: buffer) ? nil : word.lowerBound
        }
        guard sign > 0 else { return sign }
        guard Bytes.isSpace(buffer[byte: sign - 1]) || "([\"':".utf8.contains(buffer[byte: sign - 1]) else { return nil }
        var before = sign
        while before > 0, Bytes.isSpace(buffer[byte: before - 1]) { before -= 1 }
        guard before > 0 else { return sign }
        let previous = buffer[byte: before - 1]
        return previous &- UInt8(ascii: "0") < 10 || previous == UInt8(ascii: "%") ? nil : sign
    }

    /// The power of ten of a scale word as matched ("Mio." → 6), if it is one.
    /// A scale followed by a half ("millions et demi") has the scale's power.
    public func scalePower(of word: String) -> Int? {
        let folded = NumberRules.folded(word)
        return scales[folded] ?? scales[withoutHalf(folded)]
    }

    /// A scale as matched, folded, without the half that may follow it: "millions et demi"
    /// → "millions".
    func scaleWord(_ matched: String) -> String {
        let folded = NumberRules.folded(matched)
        return scales[folded] == nil ? withoutHalf(folded) : folded
    }

    /// Whether a scale as matched ends in a half: "millions et demi" is 1.5 million per unit
    /// before it ("2 millions et demi" is 2.5 million).
    public func addsHalf(_ scale: String) -> Bool {
        let folded = NumberRules.folded(scale)
        return scales[folded] == nil && withoutHalf(folded) != folded
    }

    private func withoutHalf(_ folded: String) -> String {
        for half in halfAfterScale where folded.hasSuffix(" " + half) {
            return String(folded.dropLast(half.count)).trimmingCharacters(in: .whitespaces)
        }
        return folded
    }

    // MARK: Pattern fragments

    /// Digits with any thousands grouping and decimal part this language may write; the
    /// match ends before a further digit.
    public var digitsPattern: String {
        var marks = ",.'’\\x{A0}\\x{202F}\\x{2009}"
        for mark in groupMarks where !",.'’".contains(mark) { marks += PatternText.escape(String(mark)) }
        if spaceGroups { marks += " " }
        // The second form is Indian grouping (12,34,567.89), read like any other grouping.
        // The first form is a fraction, alone or after a whole number: "1-1/2", "8 3/4", "1/2".
        return "(?:[0-9]{1,3}(?:[- ][0-9]{1,2})?/[0-9]{1,2}(?![0-9/])|[0-9]{1,3}(?:[\(marks)][0-9]{3})+(?:[.,][0-9]+)?|[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}(?:[.,][0-9]+)?|[0-9]+(?:[.,][0-9]+)?[½¼¾]?|[½¼¾])(?![0-9])"
    }

    /// Every scale word and abbreviation, as a pattern.
    public var scalePattern: String {
        let half = halfAfterScale.isEmpty ? "" : "(?:[ ]+\(PatternText.alternation(halfAfterScale)))?"
        return "(?:\(PatternText.alternation(spelledScales + abbreviatedScales))\(half))"
    }

    /// Scale words that may stand without a currency: spelled ones and abbreviations of
    /// three letters or more ("mln", "Mrd."), never "m", "bn" or "B" alone.
    var bareScaleWords: [String] {
        spelledScales.filter { $0.count > 1 } + abbreviatedScales.filter { $0.count > 2 && $0 != "mil" && $0 != "thou" }
    }

    /// A run of written number words that starts with a unit or a fraction (never a bare
    /// scale: "millions of dollars" is no sum) and may go on with hundreds and scales
    /// ("fifteen million", "a quarter of a million", "quatre-vingt-dix") and a spoken
    /// decimal point ("one point five billion"). A word may be a compound of number words
    /// ("siebenhundert", "venticinque").
    public var writtenPattern: String {
        let first = writtenFirstWords
        let any = writtenAnyWords
        // An article before another number is no part of it: "a four-pct stake", "a ten percent
        // interest", "a one billion stg loan" (the reader skips such an article, but the text
        // read would hold it). Before a hundred, a scale, a fraction or a currency it counts
        // one ("a million", "a quarter", "a dollar").
        let otherUnits = units.keys.filter { !articles.contains($0) }
        let notArticleAlone = articles.isEmpty || otherUnits.isEmpty ? "" : "(?!\(PatternText.alternation(Array(articles), bounded: false))[ -]+\(PatternText.alternation(otherUnits, bounded: false))(?!\\p{L}))"
        let firstWord = "(?:\(notArticleAlone)\(PatternText.alternation(first, bounded: false))(?:\(PatternText.alternation(any, bounded: false)))*(?!\\p{L}))"
        let word = "(?:\(notArticleAlone)\(PatternText.alternation(first + Array(hundreds) + spelledCompounds, bounded: false))(?:\(PatternText.alternation(any, bounded: false)))*(?!\\p{L}))"
        // Joiners stand between spaces or hyphens: "one and a half", "one-and-a-half", "vingt-et-un".
        var joiner = joiners.isEmpty ? "" : "|[ -]" + PatternText.alternation(Array(joiners)) + "[ -]"
        if !decimalWords.isEmpty {
            joiner += "|[ ]\(PatternText.alternation(Array(decimalWords)))(?:[ ]\(PatternText.alternation(Array(zeroWords))))*[ ]"
        }
        return "(?:\(firstWord)(?:(?:[ -]\(joiner))\(word))*)"
    }

    /// The words a written number begins with in ``writtenPattern``: a unit, a fraction or a
    /// leading scale.
    private var writtenFirstWords: [String] {
        Array(units.keys) + Array(fractions.keys) + leadingScales
    }

    /// The words a word of a written number is run together from in ``writtenPattern``
    /// ("siebenhundert", "fiftyfive").
    private var writtenAnyWords: [String] {
        writtenFirstWords + Array(hundreds) + spelledCompounds + Array(joiners)
    }

    /// The spelled scales of more than one character, which may stand in a compound word.
    private var spelledCompounds: [String] {
        spelledScales.filter { $0.count > 1 }
    }

    /// What every match of ``writtenPattern`` begins with, as rule words for a
    /// ``WordTrieCheck``: a first word followed by no letter, or run together with another
    /// word, of which the first two characters are given (open at their end: `*`). A word of
    /// the text that begins none of these begins no written number.
    var writtenStarts: [String] {
        let heads = Set(writtenAnyWords.map { String($0.prefix(2)) })
        return writtenFirstWords.flatMap { first in [first] + heads.sorted().map { first + $0 + "*" } }
    }

    /// Lower case, with the typographic apostrophe as a plain one: how words are looked up.
    static func folded(_ word: String) -> String {
        // Most words are ASCII and in lower case already: they are their own folded form,
        // told without making a new string (`lowercased()` makes one).
        // Read from the bytes (`withUTF8`): the UTF-8 view's iterator cost some 150 instructions a word.
        var bytes = word
        if !bytes.withUTF8({ $0.contains { $0 >= 0x80 || $0 &- 0x41 < 26 } }) { return word }
        let lower = word.lowercased()
        guard lower.unicodeScalars.contains("’") else { return lower }
        return String(lower.map { $0 == "’" ? "'" : $0 })
    }

    private static func character(_ node: RuleNode?, in root: RuleNode) throws -> Character {
        guard let node else { throw RuleError(origin: root.origin, message: "missing a one-character mark") }
        let text = try node.string()
        guard text.count == 1, let character = text.first else {
            throw RuleError(origin: node.origin, message: "expected one character, got '\(text)'")
        }
        return character
    }

    private static func decimals(_ root: RuleNode, _ key: String) throws -> [String: ExactDecimal] {
        var result: [String: ExactDecimal] = [:]
        for (word, node) in try root.pairs(key) {
            guard let value = ExactDecimal(try node.string()) else {
                throw RuleError(origin: node.origin, message: "'\(word)' needs a plain decimal value")
            }
            result[folded(word)] = value
        }
        return result
    }
}
