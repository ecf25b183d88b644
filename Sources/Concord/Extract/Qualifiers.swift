/// The words that qualify a value, one language's worth, shared by money and percents
/// so that "about $5 million" and "about 5%" are read by the same rules: approximation
/// ("about", "rund"), open bounds ("more than", "up to", "or more"), the words that open
/// and join a range ("between ... and", "entre ... et"), and the verbs of change after
/// which "up to" names the end point of a change ("rose up to $40") rather than a bound.
///
/// The words are those of `Rules/money/<lang>.yaml`; percents add the articles their
/// languages write between a qualifier and a number ("más del 20 %", "tra il 10 e il 20%",
/// `Rules/percent/<lang>.yaml`), so each list also gets its contracted forms ("de" → "del").
struct Qualifiers: Sendable {
    /// An open bound: the value is the lowest or the highest.
    enum Bound: Sendable { case atLeast, atMost }

    /// What the words before a value say of it.
    struct Reading: Sendable {
        var approximate = false
        var bound: Bound?
    }

    /// Matched backwards from a value (ending where it starts): "about", "more than", and
    /// a change verb with its end-point word ("rose up to", "sube una décima, hasta el 3,2 %"),
    /// which is neither.
    private let before: Pattern
    /// The first characters of every phrase a match of `before` may begin with (a change verb,
    /// a qualifier): ``reading(before:in:)`` tries `before` only at the word starts where one
    /// may stand, not at every offset of its window.
    private let beforeStarts: LiteralKeys
    /// Whether a phrase begins with white space, so that a match may start at a space.
    private let beforeMayStartAtSpace: Bool
    /// Matched right after a value: "or more", "or less".
    private let after: Pattern
    /// The open words of ranges ("between", "entre", "tra"), as a pattern, each with the
    /// article that may follow it.
    let rangeOpen: String
    /// The joiners of ranges ("and", "to", "-", "et"), as a pattern, each with its article.
    let rangeJoiner: String
    /// Joiners that make a range without an open word ("-", "to"), folded.
    let bareJoiners: Set<String>
    /// Words after which "from A to B" is a change, not a range.
    private let changeWords: Set<String>
    /// Words that state the size of a change ("rose by 5 mln francs to 24 billion"):
    /// after one, "A to B" whose A has its own unit is a change, not a range.
    private let changeSizeWords: Set<String>
    /// The open words of a range that a change word before them makes a change ("rose from
    /// 5 to 7"; `change_opens`); after the others a range stays one ("raised between $10
    /// million and $15 million"). Without the key, every open word may.
    private let changeOpens: Set<String>?
    /// Joiners that make "A joiner B" after an open word a change wherever it stands
    /// (`change_joiners`): German "von 5 auf 7 Euro" is never a range.
    private let changeJoiners: Set<String>
    /// Every joiner and article, folded: a value is looked at as a range's high end only
    /// when the word before it is one.
    private let rangeWords: FoldedWords
    private let articles: FoldedWords
    /// The last word of every qualifier before a value ("than" of "more than") and the
    /// first of every one after it ("or"): the patterns run only after or before one.
    private let lastWords: FoldedWords
    private let afterFirstWords: FoldedWords
    /// How many times its low end the high end of a range without an open word may be
    /// ("$10-15 million"): beyond it the two are no range ("April 1 to 110 billion dlrs").
    private let rangeMaxRatio: ExactDecimal

    /// Reads the qualifier lists of a money rule file and `range_max_ratio` of
    /// `money/common.yaml`; `articles` and `contractions` come from a percent rule file
    /// (none for money).
    init(money file: RuleFile, rules: RuleSet, articles: [String] = [], contractions: [(word: String, contracted: String)] = []) throws {
        let root = file.root
        let common = rules.file("money/common.yaml")?.root
        guard let ratio = try common.flatMap({ ExactDecimal(try $0.string("range_max_ratio")) }), ratio > 1 else {
            throw RuleError(origin: common?["range_max_ratio"]?.origin ?? RuleOrigin(file: "money/common.yaml", line: 0),
                            message: "'range_max_ratio' must be a decimal above 1")
        }
        rangeMaxRatio = ratio
        func words(_ key: String) throws -> [String] { Self.withContractions(try root.strings(key), contractions) }
        let alt = { (words: [String]) in PatternText.alternation(words) }
        let article = articles.isEmpty ? "" : "(?:[ ]+\(alt(articles)))?"
        let approximate = try words("approximate"), notApproximate = try words("not_approximate")
        let atLeast = try words("at_least"), atMost = try words("at_most")
        let endPoints = try words("change_end_points")
        let qualifiers = approximate + notApproximate + atLeast + atMost + endPoints
        // A bound word right after one of `bound_not_after` names the sum a thing is for, not a
        // bound: German "ein Auftrag über 50 Millionen Euro" (an order worth 50 million).
        // Up to `change_end_point_gap` words (numbers with their marks) and a comma may stand
        // between a verb of change and its end point: "sube una décima, hasta el 3,2 %".
        let gapWords = try root["change_end_point_gap"].map { node -> Int in
            guard let count = Int(try node.string()), count >= 0 else { throw RuleError(origin: node.origin, message: "'change_end_point_gap' must be a whole number") }
            return count
        } ?? 0
        let gap = gapWords == 0 ? "" : "(?:[ ]+(?:[^ ,.;:!?\\n]|(?<=[0-9])[.,](?=[0-9]))+){0,\(gapWords)}?,?"
        let notAfter = try root.strings("bound_not_after").map { "(?<!\(PatternText.escape($0))[ ])" }.joined()
        before = try file.compile(
            "(?<![\\p{L}])(?:(?<endpoint>\(alt(try root.strings("change_verbs")))\(gap)[ ]+\(alt(endPoints)))|(?<exact>\(alt(notApproximate)))"
                + "|(?<approx>\(alt(approximate)))|\(notAfter)(?:(?<least>\(alt(atLeast)))|(?<most>\(alt(atMost)))))\(article)[ ]*\\z",
            key: "approximate")
        let phrases = try root.strings("change_verbs") + notApproximate + approximate + atLeast + atMost
        beforeStarts = LiteralKeys(phrases.map { LiteralKeys.Literal(text: $0, bounded: true) }, backwards: false)
        beforeMayStartAtSpace = phrases.contains { $0.first?.isWhitespace ?? true }
        let afterLeast = try root.strings("after_at_least"), afterMost = try root.strings("after_at_most")
        let afterApproximate = try root.strings("after_approximate")
        after = try file.compile(
            "[ ]*(?:(?<least>\(alt(afterLeast)))|(?<most>\(alt(afterMost)))|(?<approx>\(alt(afterApproximate))))", key: "after_at_least")
        let joiners = try words("range_joiners")
        rangeOpen = "\(alt(try words("range_open")))\(article)"
        rangeJoiner = "\(alt(joiners))\(article)"
        bareJoiners = Set(try words("range_bare_joiners").map(NumberRules.folded))
        changeWords = Set(try root.strings("change_words").map(NumberRules.folded))
        changeSizeWords = Set(try root.strings("change_size_words").map(NumberRules.folded))
        changeOpens = root["change_opens"] == nil ? nil : Set(try words("change_opens").map(NumberRules.folded))
        changeJoiners = Set(try root.strings("change_joiners").map(NumberRules.folded))
        self.articles = FoldedWords(articles.map(NumberRules.folded))
        rangeWords = FoldedWords(joiners.map(NumberRules.folded))
        // The word before a value is read up to an apostrophe ("all'incirca" → "incirca").
        lastWords = FoldedWords((qualifiers + articles).compactMap { NumberRules.folded($0).split(separator: " ").last?.split(separator: "'").last.map(String.init) })
        afterFirstWords = FoldedWords((afterLeast + afterMost + afterApproximate).compactMap { NumberRules.folded($0).split(separator: " ").first.map(String.init) })
    }

    /// What the words right before `start` say of the value that starts there; nil when
    /// no qualifier stands there.
    func reading(before start: Int, in buffer: TextBuffer) throws -> Reading? {
        guard mayFollowQualifier(start, in: buffer), let match = try firstMatchBefore(start, in: buffer) else { return nil }
        if match["endpoint"] != nil { return Reading() }  // "rose up to $40": the end point, a plain value
        return Reading(approximate: match["approx"] != nil,
                       bound: match["least"] != nil ? .atLeast : match["most"] != nil ? .atMost : nil)
    }

    /// The first match of `before` in the 48 bytes before `start`, ending there: tried only
    /// at the offsets where it may start (no ASCII letter before, a phrase's first characters
    /// by `beforeStarts`), left to right, so the first found is the leftmost.
    private func firstMatchBefore(_ start: Int, in buffer: TextBuffer) throws -> PatternMatch? {
        var offset = buffer.scalarBoundary(atOrBefore: start - 48)
        while offset < start {
            let mayStart = buffer.withBytes { bytes in
                (offset == 0 || !Bytes.isASCIILetter(bytes[offset - 1])) && (beforeMayStartAtSpace || !LiteralKeys.isSpace(bytes[offset]))
                    && beforeStarts.mayStand(bytes, at: offset, count: start)
            }
            if mayStart, let match = try before.anchoredMatch(in: buffer, at: offset, to: start) { return match }
            offset = buffer.nextScalarBoundary(after: offset)
        }
        return nil
    }

    /// What the words right after `end` say of the value that ends there: a bound ("or
    /// more") or an estimate ("750 M€ environ", "50 milioni circa"); nil when none stands there.
    func reading(after end: Int, in buffer: TextBuffer) throws -> Reading? {
        guard afterFirstWords.contains(buffer.wordRange(after: end), in: buffer),
              let match = try after.anchoredMatch(in: buffer, at: end, to: buffer.lookahead(from: end)) else { return nil }
        return Reading(approximate: match["approx"] != nil,
                       bound: match["least"] != nil ? .atLeast : match["most"] != nil ? .atMost : nil)
    }

    /// Whether the text before `offset` ends with a range joiner ("-", "to", "et", "y el"),
    /// so that the value at `offset` may be the high end of a range.
    func mayEndRange(before offset: Int, in buffer: TextBuffer) -> Bool {
        var end = offset
        while end > 0, buffer[byte: end - 1] == UInt8(ascii: " ") || buffer[byte: end - 1] == UInt8(ascii: "\n") { end -= 1 }
        guard end > 0 else { return false }
        let last = buffer[byte: end - 1]
        if last == UInt8(ascii: "-") || last >= 0x80 { return true }  // "-", "–", "—", "à"
        // "tra lo 0,8 e l'1%": an article elided before the value ends with its apostrophe.
        let elided = last == UInt8(ascii: "'")
        var word = buffer.wordRange(before: elided ? end - 1 : end)
        if elided, !word.isEmpty { word = word.lowerBound..<end }
        if articles.contains(word, in: buffer) {  // "y el 20 %": the joiner stands before the article
            var start = end
            while start > 0, TextBuffer.isWordByte(buffer[byte: start - 1]) || buffer[byte: start - 1] == UInt8(ascii: "'") { start -= 1 }
            word = buffer.wordRange(before: start)
        }
        return rangeWords.contains(word, in: buffer)
    }

    /// Whether `low` and `high` are close enough to be a range written without an open word.
    func mayJoin(low: ExactDecimal, high: ExactDecimal) -> Bool {
        high <= low * rangeMaxRatio
    }

    /// Whether the low end of a range starting at `offset` is rather the start or the size
    /// of a change: "rose from 5% to 10%", "rose by 834 mln francs to 24.79 billion" (the
    /// latter only when the low end has its own unit, `ownUnit`). A dash with no open word
    /// joins a range even after such a word: "raised $15-$20 million", "rose 5-6%"; so does
    /// an open word that is no change's ("raised between $10 million and $15 million").
    /// `openWord`: the range's open word as written, nil where it has none.
    func isChange(before offset: Int, ownUnit: Bool, joiner: String, openWord: String?, in buffer: TextBuffer) -> Bool {
        if openWord == nil, !joiner.contains(where: \.isLetter) { return false }
        if openWord != nil, changeJoiners.contains(joiner) { return true }
        if let openWord, let changeOpens, let first = NumberRules.folded(openWord).split(separator: " ").first, !changeOpens.contains(String(first)) { return false }
        guard let word = buffer.foldedWord(before: offset) else { return false }
        return changeWords.contains(word) || (ownUnit && changeSizeWords.contains(word))
    }

    /// Whether the word before `offset` may end a qualifier ("about", "more than", "(about").
    private func mayFollowQualifier(_ offset: Int, in buffer: TextBuffer) -> Bool {
        var end = offset
        while end > 0, buffer[byte: end - 1] == UInt8(ascii: " ") || buffer[byte: end - 1] == UInt8(ascii: "(") { end -= 1 }
        guard end > 0 else { return false }
        let last = buffer[byte: end - 1]
        if last >= 0x80 || last == UInt8(ascii: ".") || last == UInt8(ascii: "'") { return true }  // "près", "más", "ca.", "l'"
        return lastWords.contains(buffer.wordRange(before: end), in: buffer)
    }

    /// The words, each also with its last word contracted with an article ("más de" →
    /// "más del", "fino a" → "fino al").
    private static func withContractions(_ words: [String], _ contractions: [(word: String, contracted: String)]) -> [String] {
        guard !contractions.isEmpty else { return words }
        var result = words
        for phrase in words {
            var parts = phrase.split(separator: " ").map(String.init)
            guard let last = parts.last else { continue }
            for contraction in contractions where NumberRules.folded(last) == contraction.word {
                parts[parts.count - 1] = contraction.contracted
                result.append(parts.joined(separator: " "))
            }
        }
        return result
    }
}

extension AmountRange {
    /// The open range a bound makes of a value: "more than 20" is 20 and up.
    init(_ value: ExactDecimal, _ bound: Qualifiers.Bound) {
        switch bound {
        case .atLeast: self.init(min: value, max: nil)
        case .atMost: self.init(min: nil, max: value)
        }
    }
}
