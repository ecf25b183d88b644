/// The compiled money rules of one language: the word tables of `Rules/money/<lang>.yaml`
/// and `Rules/numbers/<lang>.yaml` composed with the symbols and ISO codes of
/// `Rules/money/common.yaml` into a few PCRE2 patterns, compiled once.
///
/// - `scan` finds the core of each sum in one pass. It is anchored on digits
///   (`<digits> [scale] [of] [currency]`, taken only with a scale, a currency after it, or
///   a hint of a currency before it; a closing parenthesis may stand before the scale of
///   an accounting negative, "$(12.3) million") and on scale and currency names, from which a
///   written number before them is read ("two million", "ten dollars").
/// - `prefixBefore`, `writtenBefore` and `rangeStart` are matched backwards from a sum
///   (ending where it starts): the symbol or code before a number, a written number, the
///   low end of a range ("between €10 million and", "$10-", "entre 10 et").
/// - `qualifiers` read "about", "more than", "or more" (shared with percents);
///   `currencyAfter`, `cents` and `minorJoin` what may complete a sum after it.
/// - `equivalence` reads what stands between a sum and its stated conversion.
/// - `context` and `nextWord` decide whether a sum with no currency is money.
/// A class: each document's reading holds a reference, not a copy whose dozens of fields
/// are each retained and released (measured: about 1% of `extract` time in those copies).
final class MoneyGrammar: Sendable {
    let language: String
    let numbers: NumberReader
    /// Finds the core of each sum, coins ("ten dimes", "a quarter") and glued price units
    /// ("50p") included; whether a coin or price unit is money is decided where it stands.
    let scan: Pattern
    let scanGroups: ScanGroups
    /// Where `scan` may start, where `moneyStarts` cannot be had: at numbers, and at words
    /// that may begin an anchor word or a scaled code. nil (everywhere) when the words'
    /// prefixes cannot be read.
    var scanStarts: WordStartFilter? { scanStartFilter.filter }
    /// ``scanStarts``, read from the words on first use: 43 M instructions at startup for the
    /// five languages (callgrind, one story); with `moneyStarts`, only tests use it.
    private let scanStartFilter: PatternStartFilter
    /// Where `scan` may match, found faster than by `scanStarts`; nil (`scanStarts` is used)
    /// when an anchor word may begin with a digit or the words cannot be read
    /// (``NumberStarts``, ``WordTrieCheck``).
    let moneyStarts: MoneyStarts?
    /// What text before a number may end with where `prefixBefore` can match there: its
    /// symbols, codes and names, read backwards (``prefix(before:scaled:)`` runs it only then).
    let prefixEnds: LiteralKeys
    /// What joins a sum to one compared with it ("$2.5 billion, up from", "2,5 milliards
    /// d'euros, contre"), matched from the end of the first to the start of the second: a
    /// sum stated there without a currency is in the first one's.
    let comparisonJoin: Pattern?
    /// Matched backwards from a scale or currency word: the written number before it.
    let writtenBefore: Pattern
    /// Matched right after a written number's scale: its currency ("two million dollars").
    let currencyAfter: Pattern
    /// Matched backwards from a number (ending where it starts): a symbol or code before
    /// it ("$", "US$", "EUR "), or a currency name ("dollar 22.5 million", "ringgit 42").
    let prefixBefore: Pattern
    /// Scale words that make a number money without a currency (where the context says
    /// so): spelled ones and long abbreviations, never "m" or "B" alone ("Mistral-7B").
    let bareScales: Set<String>
    /// The coin words, folded, and the words around which a coin is not money.
    let coinWords: Set<String>
    let coinNotAfter: Set<String>
    let coinNotBefore: Set<String>
    /// Units written glued to digits that are money only in a price context ("50p per
    /// share", never "1080p"), folded.
    let priceUnitWords: Set<String>
    /// Matched backwards from a sum: a word that makes it a price ("costs", "priced at").
    let priceBefore: Pattern
    /// Matched right after a sum: words that make it a price ("per share", "each").
    let priceAfter: Pattern
    let rangeStart: Pattern
    /// What `rangeStart` needs before a sum, told without it: its joiners ("to", "-"), each
    /// perhaps with an article, and before them what the low end ends with (``mayEndLowEnd(_:at:)``).
    /// nil where a joiner or article is not one word or one dash, which this does not read.
    let rangeJoiners: (words: [[UInt8]], articles: [[UInt8]])?
    /// The words, symbols and codes the low end of a range may end with (a digit aside),
    /// read backwards: number, scale and currency words, symbols, codes.
    let rangeLowEnds: LiteralKeys
    let qualifiers: Qualifiers
    let equivalence: Pattern
    let minorJoin: Pattern
    /// Cents written after a sum with no unit of their own: "15 dollars 50", "$20 and 43c".
    let cents: Pattern
    let context: Pattern
    let nextWord: Pattern
    /// A half right after a scale word ("millions et demi"), which the written number takes in.
    let halfAfterScale: Pattern
    /// A statement of the currency of every figure in the document ("All figures in
    /// Canadian dollars", "(All figures in CAD)"), with the currency as `currency`.
    let currencyStatement: Pattern
    /// Words that may follow a sum with no currency ("raised 5 million in ...").
    let followers: Set<String>
    /// Words that join a bare sum to what it counts ("3 millones de acciones"), and the
    /// determiners after which such a word means "from" instead ("5 millones de los socios").
    let countedJoiners: Set<String>
    let countedJoinerDeterminers: Set<String>
    /// The words that may lead to cents ("and"): what follows a sum is matched only after one of them.
    let centsJoinerWords: FoldedWords
    private let currencyWords: [String: MoneyUnit]
    let currencies: CurrencyTable

    init(file: RuleFile, rules: RuleSet, numbers numberRules: NumberRules, currencies: CurrencyTable) throws {
        let root = file.root
        language = try root.string("language")
        numbers = NumberReader(rules: numberRules)
        self.currencies = currencies
        var words: [String: MoneyUnit] = [:]
        var wordList: [String] = []
        for entry in try root.list("currencies") {
            let unit = try CurrencyTable.unit(entry)
            for word in try entry.strings("words") {
                words[Self.wordKey(word)] = words[Self.wordKey(word)] ?? unit
                wordList.append(word)
            }
        }
        var coins: [String] = []
        for entry in try root.list("regional_coins") {
            let unit = try CurrencyTable.unit(entry)
            for word in try entry.strings("words") {
                words[Self.wordKey(word)] = unit
                coins.append(word)
            }
        }
        coinWords = Set(coins.map(Self.wordKey))
        var glued: [String] = []
        for entry in try root.list("price_units") {
            let unit = try CurrencyTable.unit(entry)
            for word in try entry.strings("glued") {
                words[Self.wordKey(word)] = unit
                glued.append(word)
            }
        }
        priceUnitWords = Set(glued.map(Self.wordKey))
        coinNotAfter = Set(try root.strings("coin_not_after").map(NumberRules.folded))
        coinNotBefore = Set(try root.strings("coin_not_before").map(NumberRules.folded))
        currencyWords = words
        followers = Set(try root.strings("bare_followers").map(NumberRules.folded))
        countedJoiners = Set(try root.strings("counted_joiners").map(NumberRules.folded))
        countedJoinerDeterminers = Set(try root.strings("counted_joiner_determiners").map(NumberRules.folded))
        qualifiers = try Qualifiers(money: file, rules: rules, articles: try root.strings("articles"))
        centsJoinerWords = FoldedWords(try root.strings("cents_joiners").map(NumberRules.folded))

        let alt = { (words: [String]) in PatternText.alternation(words) }
        let digits = numberRules.digitsPattern
        let written = numberRules.writtenPattern
        let scale = numberRules.scalePattern
        let symbols = Self.symbolPattern(currencies.rawSymbols)
        // Symbols after the number: never those of `glued_symbols` ("R" stands only before it).
        let symbolsAfter = Self.symbolPattern(currencies.rawSymbols.filter { currencies.regionOfGluedSymbol($0) == nil })
        let iso = currencies.codePattern
        let prefix = "(?:\(symbols)|\(iso))"
        let names = alt(wordList)
        let suffix = "(?:\(names)|\(symbolsAfter)|\(iso))"
        // A sum may wrap at the end of a line in wire text ("200 mln\ndlrs"): its parts may
        // stand apart by a space or a line break.
        let connector = try root.strings("currency_connectors").isEmpty ? "" : "(?:\(alt(try root.strings("currency_connectors")))[ \\n]?)?"
        let prefixNames = alt(try root.strings("prefix_names"))
        let wordStart = "(?<![\\p{L}\\p{N}])"
        let prefixHint = Self.prefixHint(symbols: currencies.rawSymbols, words: currencies.lowercaseCodes + (try root.strings("prefix_names")))
        let scaleWords = numberRules.spelledScales.filter { $0.count > 1 }
        let scaledCodes = currencies.scaledCodePattern
        // Numbers in digits anchor the scan; written numbers are found from the scale or
        // currency name that follows them ("two million", "ten dollars"), since words such
        // as "a" and "one" are far too common to start a match at each of them. Plain codes
        // do not anchor written numbers ("three USD"): scanning for codes at every capital
        // letter costs more than the rare case is worth; scaled ones ("twenty MUSD") start
        // with M, K or B only, which is cheap.
        // A symbol glued to the digits after it is theirs ("the 2023 $5 billion deal").
        // A glued price unit ("50p") stands right after the digits, in its written case.
        let gluedUnit = "(?<g>(?-i:\(PatternText.alternation(glued, foldCase: false)))(?![\\p{N}]))|"  // never matches with none listed
        let regionalNames = "(?:\(names)|\(alt(coins)))"
        // A number glued after a letter and a hyphen is a model name ("Mistral-7B", "F-150"),
        // unless the letters are a scale glued to digits: the high end of "$2.5bn-3bn".
        let gluedScales = numberRules.abbreviatedScales.map { "[0-9]" + PatternText.escape($0) + "-" }
        let afterHyphen = gluedScales.isEmpty ? "(?<!\\p{L}-)" : "(?:(?<!\\p{L}-)|(?<=\(gluedScales.joined(separator: "|"))))"
        let anchorWords = alt(scaleWords + wordList + coins)
        // A scaled code starts with its scale letters and the code, both in upper case ("MUSD"):
        // the filter is caseless, so the letters alone ("M", "K") would let every word that
        // begins with them be tried.
        let readablePrefixes = currencies.scalePrefixes.keys.allSatisfy { $0.unicodeScalars.allSatisfy { $0.isASCII && $0.properties.isAlphabetic } }
        let scaledCodeWords = readablePrefixes
            ? currencies.scalePrefixes.keys.flatMap { prefix in currencies.isoCodes.map { prefix + $0 } } : Array(currencies.scalePrefixes.keys)
        let anchorStarts = readablePrefixes ? WordTrieCheck(words: scaleWords + wordList + coins, codes: scaledCodeWords) : nil
        let codes = currencies.isoCodes + currencies.scalePrefixes.keys.flatMap { prefix in currencies.isoCodes.map { prefix + $0 } }
        func literals(_ words: [String], bounded: Bool = true) -> [LiteralKeys.Literal] { words.map { LiteralKeys.Literal(text: $0, bounded: bounded) } }
        let connectors = try root.strings("currency_connectors")
        let anchorsMayBeDigits = (scaleWords + wordList + coins).contains { word in word.unicodeScalars.first.map { $0.isASCII && $0.properties.numericType != nil } ?? true }
        if anchorsMayBeDigits || anchorStarts == nil {
            moneyStarts = nil
        } else {
            var hintCharacters = (0..<128).map { $0 >= 0x41 && $0 <= 0x5A }
            var hintLiterals: [String] = currencies.lowercaseCodes + (try root.strings("prefix_names"))
            for symbol in currencies.rawSymbols {
                guard let last = symbol.unicodeScalars.last else { continue }
                if symbol.last?.isUppercase == true { continue }
                if symbol.last?.isLetter == true { hintLiterals.append(symbol) } else if last.isASCII { hintCharacters[Int(last.value)] = true }
            }
            let numberStarts = NumberStarts(
                followers: LiteralKeys(literals(numberRules.spelledScales + numberRules.abbreviatedScales + connectors + wordList + coins + glued + codes + currencies.lowercaseCodes)
                    + literals(currencies.rawSymbols.filter { currencies.regionOfGluedSymbol($0) == nil }), backwards: false),
                hintEnds: LiteralKeys(literals(hintLiterals, bounded: false), backwards: true),
                hintCharacters: hintCharacters + Array(repeating: true, count: 128))
            moneyStarts = MoneyStarts(numbers: numberStarts, words: anchorStarts!, anchorWords: scaleWords + wordList + coins + scaledCodeWords)
        }
        scanStartFilter = PatternStartFilter(source: anchorWords, caseless: true, morePrefixes: scaledCodeWords, digits: true)
        prefixEnds = LiteralKeys(literals(currencies.rawSymbols) + literals(currencies.isoCodes, bounded: false) + literals(currencies.lowercaseCodes)
            + literals(try root.strings("prefix_names")) + literals(wordList), backwards: true)
        scan = try file.compile(
            "(?:(?<![0-9])(?=[0-9½¼¾])(?<![\\p{N}])(?<![\\p{N}][.,'])\(afterHyphen)(?:\(prefixHint)(?<pf>))?(?<n>(?>\(digits)))(?<close>\\)(?=[ ]?\(scale)))?(?:\(gluedUnit)(?:[ \\n-]?(?<s>\(scale)))?"
                + "(?:[ \\n-]?\(connector)(?<p>(?:\(regionalNames)|\(symbolsAfter)(?![0-9])|\(iso)))(?:[ \\n]?(?<s2>\(scale)))?)?)"
                + "(?(<g>)|(?(<s>)|(?(<p>)|(?(<pf>)|(?!)))))"
                + "|\(wordStart)(?<anchor>\(anchorWords)|\(scaledCodes)))",
            key: "currencies")
        scanGroups = ScanGroups(scan)
        priceBefore = try file.compile("(?<![\\p{L}])\(alt(try root.strings("price_before")))[ ]+\\z", key: "price_before")
        priceAfter = try file.compile("[ ]*\(alt(try root.strings("price_after")))", key: "price_after")
        writtenBefore = try file.compile("\(wordStart)(?<w>\(written))[ \\n-]?\(connector)\\z", key: "currencies")
        currencyAfter = try file.compile("[ \\n-]?\(connector)(?<p>\(regionalNames)|\(iso)|\(scaledCodes))", key: "currencies")
        prefixBefore = try file.compile(
            "(?:(?<symbol>\(prefix))|\(wordStart)(?<always>\(prefixNames))|\(wordStart)(?<name>\(names)))[ \\n]?\\z",
            key: "prefix_names")
        bareScales = Set(numberRules.bareScaleWords.map(NumberRules.folded))

        let comparisonJoiners = try root.strings("comparison_joiners")
        comparisonJoin = comparisonJoiners.isEmpty ? nil : try file.compile("[ \\t,;]*+\(alt(comparisonJoiners))[ \\t\\n]+\\z", key: "comparison_joiners")
        let joinerWords = try root.strings("range_joiners"), articleWords = try root.strings("articles")
        func isWord(_ text: String) -> Bool { !text.isEmpty && text.unicodeScalars.allSatisfy { $0.isASCII && $0.properties.isAlphabetic } }
        rangeJoiners = (joinerWords + articleWords).allSatisfy { isWord($0) || $0 == "-" || $0.unicodeScalars.last.map { !$0.isASCII } == true }
            ? (joinerWords.filter(isWord).map { Array(NumberRules.folded($0).utf8) }, articleWords.filter(isWord).map { Array(NumberRules.folded($0).utf8) }) : nil
        rangeLowEnds = LiteralKeys(literals(Array(numberRules.numberWords) + numberRules.leadingScales + numberRules.spelledScales + numberRules.abbreviatedScales
            + numberRules.halfAfterScale + wordList + currencies.rawSymbols + codes + currencies.lowercaseCodes, bounded: false), backwards: true)
        rangeStart = try file.compile(
            "(?<![\\p{L}\\p{N}])(?:(?<open>\(qualifiers.rangeOpen))[ ]+)?"
                + "(?:(?<lpre>\(prefix))[ \\n]?)?(?:(?<lo>\(digits))|(?<lw>\(written)))(?:[ \\n]?(?<ls>\(scale)))?"
                + "(?:[ \\n]?\(connector)(?<lp>\(suffix)))?[ \\n]*(?<join>\(qualifiers.rangeJoiner))[ \\n]*\\z",
            key: "range_joiners")
        let approximate = alt(try root.strings("approximate"))
        let adjacent = alt(try root.strings("equivalent_adjacent"))
        equivalence = try file.compile(
            "[ ]*(?:\\([ ]*(?:(?:\(adjacent)|\(approximate))[ ]+)?|,?[ ]*(?:\(adjacent)|\(approximate))[ ]+"
                + "|[^.;!?()\\n]{0,80}?(?<![\\p{L}])\(alt(try root.strings("equivalent")))[ ]*(?:\(approximate)[ ]+)?)\\z",
            key: "equivalent")
        let centsJoiners = alt(try root.strings("cents_joiners"))
        minorJoin = try file.compile("[ ]*,?[ ]*(?:\(centsJoiners)[ ]+)?\\z", key: "cents_joiners")
        cents = try file.compile(
            "[ ]*(?:\(centsJoiners)[ ]+)?(?:(?<digits>[0-9]{1,2})(?![0-9.,][0-9])(?:(?-i:c)|¢)?|(?<written>\(written)))(?=[ ]*(?:[.,;:!?)]|\\z))",
            key: "cents_joiners")
        context = try file.compile("(?<![\\p{L}])\(alt(try root.strings("money_context")))", key: "money_context")
        currencyStatement = try file.compile(
            "(?<![\\p{L}])\(alt(try root.strings("currency_statements")))[ \\n]+(?<currency>\(names)|\(iso))(?![\\p{L}])", key: "currency_statements")
        let halves = numberRules.halfAfterScale
        halfAfterScale = try file.compile(halves.isEmpty ? "(?!)" : "[ ]+\(alt(halves))(?![\\p{L}])", key: "half_after_scale")
        nextWord = try file.compile("[ ]*(?<word>\\p{L}[\\p{L}'’]*)", key: "bare_followers")
    }

    /// The unit a currency word, symbol or code stands for, as matched.
    func unit(of text: String) -> MoneyUnit? {
        unit(of: text, key: Self.wordKey(text))
    }

    /// ``unit(of:)`` with the text's ``wordKey(_:)`` already made.
    func unit(of text: String, key: String) -> MoneyUnit? {
        currencyWords[key] ?? currencies.unit(symbolOrCode: text)
    }

    /// The numbers of the scan's named groups (-1 for a name it lacks, which no match has):
    /// a match is read by number, not by a search of the names at each look.
    struct ScanGroups: Sendable {
        let n, s, s2, close, pf, p, g, anchor: Int

        init(_ scan: Pattern) {
            func number(_ name: String) -> Int { scan.groupNumber(name) ?? -1 }
            (n, s, s2, close, pf, p, g, anchor) = (number("n"), number("s"), number("s2"), number("close"), number("pf"), number("p"), number("g"), number("anchor"))
        }
    }

    /// The scale power of a scale word as matched.
    func scalePower(of text: String) -> Int? { numbers.rules.scalePower(of: text) }

    /// The ISO code of a unit in a document of `region`.
    func isoCode(of unit: MoneyUnit, region: String?) -> String { currencies.isoCode(of: unit.unit, region: region) }

    /// Whether `text` is a currency name of the rules ("dollars", "euros"), not a symbol or code.
    func isNameOfCurrency(_ text: String) -> Bool { currencyWords[Self.wordKey(text)] != nil }

    /// Whether a currency word as matched is a coin ("dimes", "quarter").
    func isCoin(_ text: String) -> Bool { coinWords.contains(Self.wordKey(text)) }

    /// Whether a word of ``wordKey(_:)`` is a coin, and whether it is a price unit.
    func coinOrPriceUnit(key: String) -> (coin: Bool, priceUnit: Bool) { (coinWords.contains(key), priceUnitWords.contains(key)) }

    /// How a currency word is looked up: folded, white space collapsed.
    static func wordKey(_ text: String) -> String {
        let folded = NumberRules.folded(text)
        var previousWasSpace = false
        let needsCollapsing = folded.utf8.contains { byte in
            defer { previousWasSpace = byte == UInt8(ascii: " ") }
            return byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") || (byte == UInt8(ascii: " ") && previousWasSpace)
        }
        guard needsCollapsing else { return folded }
        return folded.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Symbols longest first; those with letters match in their written case ("Rs", "kr",
    /// "RM"), except the prefixed dollars ("c $", "us$"), which lower-cased text also writes.
    private static func symbolPattern(_ symbols: [String]) -> String {
        // Lone symbol characters that begin no longer symbol go into one class, tried last:
        // a class costs one test where an alternation costs one per symbol.
        // (The first characters of the longer symbols, a set of the lone ones and the counts
        // are worked out once: comparing each symbol with all the others cost 29 M
        // instructions at startup for the five languages, callgrind.)
        let counts = symbols.map(\.count)
        let firstOfLonger = Set(symbols.indices.filter { counts[$0] > 1 }.compactMap { symbols[$0].first })
        let lone = symbols.indices.filter { index in
            counts[index] == 1 && !symbols[index].first!.isLetter && !firstOfLonger.contains(symbols[index].first!)
        }.map { symbols[$0] }
        let loneSet = Set(lone)
        let sorted = symbols.indices.filter { !loneSet.contains(symbols[$0]) }
            .sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : symbols[$0] < symbols[$1] }
            .map { symbols[$0] }
        // A symbol that begins with a letter ("US$", "kr.") needs no letter before it. That test
        // is written once, before all of them, rather than before each: PCRE2 tries the
        // branches in turn, and a lookbehind decodes the character before and looks up its
        // Unicode class (measured: a backward range scan took a third less time). The two
        // groups begin with different characters, a letter or not, so no match changes.
        var afterNonLetter: [String] = [], anywhere: [String] = []
        for symbol in sorted {
            var pattern = symbol.split(separator: " ").map { PatternText.escape(String($0)) }.joined(separator: "[ ]?")
            if symbol.count > 2, symbol.hasSuffix("$"), !symbol.contains(" "), symbol.dropLast().allSatisfy(\.isLetter) {
                pattern = PatternText.escape(String(symbol.dropLast())) + "[ ]?\\$"  // "HK$", "hk $" (never "s $": "Microsoft's $16")
            }
            let hasLetters = symbol.contains { $0.isLetter }
            let tail = symbol.last?.isLetter == true ? "(?!\\p{L})" : ""
            let branch = (hasLetters && !symbol.contains("$") ? "(?-i:\(pattern))" : pattern) + tail
            if symbol.first?.isLetter == true { afterNonLetter.append(branch) } else { anywhere.append(branch) }
        }
        if !afterNonLetter.isEmpty { anywhere.append("(?<!\\p{L})(?:" + afterNonLetter.joined(separator: "|") + ")") }
        if !lone.isEmpty { anywhere.append("[" + lone.sorted().map(PatternText.escape).joined() + "]") }
        return "(?:" + anywhere.joined(separator: "|") + ")"
    }

    /// A cheap test, as a lookbehind, that a number may have a currency before it: a
    /// symbol character, an upper-case letter (codes, "US$"), a dot ("Rs."), or one of the
    /// lower-case symbols, codes and names, each perhaps with a space. A number with no
    /// scale, no currency after it and no such hint is not scanned further; one with the
    /// hint is checked by `prefixBefore`.
    private static func prefixHint(symbols: [String], words: [String]) -> String {
        var characters = Set<String>()
        var literals = Set<[Unicode.Scalar]>()
        for symbol in symbols {
            guard let last = symbol.last else { continue }
            if last.isUppercase { continue }
            if last.isLetter { literals.insert(Array(symbol.unicodeScalars)) } else { characters.insert(PatternText.escape(String(last))) }
        }
        for word in words { literals.insert(Array(word.unicodeScalars)) }
        let single = ["[\(characters.sorted().joined())]", "(?-i:[A-Z])"]
        // The literals, each perhaps with a space after it, are looked for from their last
        // character back (``endingWith(_:matched:)``): an alternation of some eighty whole
        // lookbehinds, each walked back and compared at every number, cost 3,400 instructions
        // a number, a third of the money scan (measured in a C harness on Reuters).
        let reversed = literals.filter { !$0.isEmpty }.map { Array($0.reversed()) }
        let ends = reversed.isEmpty ? "" : "|" + endingWith(reversed, matched: 0) + "|" + endingWith(reversed.map { [" "] + $0 }, matched: 0)
        return "(?:(?<=" + single.flatMap { [$0, $0 + "[ ]"] }.joined(separator: "|") + ")" + ends + ")"
    }

    /// A lookbehind, as a trie, that the text ends with one of `reversed` (each written from
    /// its last character back), of which the last `matched` characters are already known to
    /// stand there: one lookbehind of one character per step, so a text that ends with none
    /// fails at its first or second character. Letters are looked for in either case, as the
    /// scan pattern is caseless; "." stands for the characters already matched.
    private static func endingWith(_ reversed: [[Unicode.Scalar]], matched: Int) -> String {
        var endsHere = false
        var next: [String: [[Unicode.Scalar]]] = [:]
        var members = Set<String>()
        for literal in reversed {
            guard literal.count > matched else { endsHere = true; continue }
            let scalar = literal[matched]
            let character = scalar.isASCII ? Character(scalar).lowercased() : String(scalar)
            let key = scalar == " " ? "[ ]" : PatternText.escape(character)
            next[key, default: []].append(literal)
            members.insert(["\\", "]", "^", "-", "["].contains(character) ? "\\" + character : character)
        }
        let dots = String(repeating: ".", count: matched)
        var steps: [String] = []
        for (key, literals) in next.sorted(by: { $0.key < $1.key }) {
            steps.append("(?<=\(key)\(dots))" + endingWith(literals, matched: matched + 1))
        }
        // Several steps are guarded by one lookbehind of a class of their characters: text that
        // ends with none of them fails at one test instead of one per step (a number with no
        // currency before it is the common case: this lookbehind runs at each try of the scan).
        let step = steps.count == 1 ? steps[0] : "(?<=[\(members.sorted().joined())]\(dots))(?:" + steps.joined(separator: "|") + ")"
        return endsHere ? (steps.isEmpty ? "" : "(?:|" + step + ")") : step
    }
}

extension MoneyGrammar {
    /// Whether the text before `offset` may end as `rangeStart` needs: the low end of a range,
    /// then its joiner (perhaps with an article), then spaces or line breaks. Only the end of
    /// the low end is looked at (a digit, or a number, scale or currency word, a symbol or a
    /// code, by ``rangeLowEnds``): "rose to $5 million" has none ("rose"), so
    /// `rangeStart`, whose search of the 100 bytes before a sum costs some 30,000 instructions,
    /// is not run. Never false where `rangeStart` can match: text it cannot read (a non-ASCII
    /// byte, an apostrophe) says true.
    func mayEndRangeStart(in buffer: TextBuffer, before offset: Int) -> Bool {
        guard let joiners = rangeJoiners else { return true }
        return buffer.withBytes { bytes in
            // `[ \n]*\z`, then the joiner or its article.
            var end = offset
            while end > 0, LiteralKeys.isSpace(bytes[end - 1]) { end -= 1 }
            return mayEndJoiner(bytes, at: end, joiners: joiners.words) { joinerStart in mayEndLowEnd(bytes, at: joinerStart) }
                || mayEndJoiner(bytes, at: end, joiners: joiners.articles) { articleStart in
                    var before = articleStart
                    while before > 0, LiteralKeys.isSpace(bytes[before - 1]) { before -= 1 }
                    return mayEndJoiner(bytes, at: before, joiners: joiners.words) { joinerStart in mayEndLowEnd(bytes, at: joinerStart) }
                }
        }
    }

    /// Whether one of `joiners` (a word of ASCII letters, folded), a dash or text this does
    /// not read (a non-ASCII byte, an apostrophe) ends at `end` with `before` true of where it
    /// starts (of the start of every joiner that ends there).
    private func mayEndJoiner(_ bytes: UnsafePointer<UInt8>, at end: Int, joiners: [[UInt8]], _ before: (Int) -> Bool) -> Bool {
        guard end > 0 else { return false }
        let last = bytes[end - 1]
        if last == UInt8(ascii: "-") { return before(end - 1) }
        guard Bytes.isASCIILetter(last) else { return true }
        // A non-ASCII scalar may be a caseless form of a joiner's letter ("ſ" of "hasta").
        for index in max(0, end - 4 * (joiners.map(\.count).max() ?? 0))..<end where bytes[index] >= 0x80 { return true }
        for joiner in joiners where joiner.count <= end {
            var matches = true
            for (index, byte) in joiner.enumerated() where LiteralKeys.lowercased(bytes[end - joiner.count + index]) != byte {
                matches = false
                break
            }
            if matches && before(end - joiner.count) { return true }
        }
        return false
    }

    /// Whether the low end of a range may end at `end`, spaces or line breaks after it skipped:
    /// a digit, a non-ASCII byte, or a number, scale or currency word, symbol or code.
    private func mayEndLowEnd(_ bytes: UnsafePointer<UInt8>, at end: Int) -> Bool {
        var end = end
        while end > 0, LiteralKeys.isSpace(bytes[end - 1]) { end -= 1 }
        guard end > 0 else { return false }
        let last = bytes[end - 1]
        if last >= 0x80 || Bytes.isDigit(last) { return true }
        return rangeLowEnds.mayStand(bytes, at: end, count: end)
    }
}
