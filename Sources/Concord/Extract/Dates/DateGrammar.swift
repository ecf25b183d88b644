/// The date forms of one language (`Rules/dates/<lang>.yaml`, then `Rules/dates/common.yaml`)
/// compiled into ONE pattern: each form is an alternative `(?<fN>...)` whose fields are
/// groups `fN_day`, `fN_month`, ... so a single scan finds every date and says which
/// form and which parts matched.
/// A class: each document's reading holds a reference, not a copy whose dozens of fields
/// are each retained and released (measured: about 1% of `extract` time in those copies).
final class DateGrammar: Sendable {
    /// The parts a form can capture.
    enum Field: String, CaseIterable, Sendable {
        case day, month, year, a, b, quarter, half, season, week, current, upcoming, past, weekday, relative, count, unit
        /// The first day of a span of days ("March 3-5", "du 3 au 5 mars") and its month
        /// when the span names one of its own ("March 30 to April 2", "from March to June"):
        /// `day` and `month` are the span's end.
        case firstDay, firstMonth
        /// A weekday said to be the next ("next Tuesday", "mardi prochain"): the first after
        /// the anchor, never the anchor's own day, where `upcoming` ("will meet on Tuesday")
        /// may be that day.
        case next
        /// Another day of the same month, before the form's `day` ("June 3 and 4", "les 3 et 4
        /// juin"): a date of its own, from the form's start to it, and the form's own from
        /// `day` on.
        case alsoDay
        /// The first year of a fiscal year written across two ("fiscal 1987/88", "FY2023/24",
        /// "Geschäftsjahr 2023/24"): `year` is the second, in two digits or four.
        case firstYear

        /// The field's place in ``DateParts``.
        var slot: Int {
            switch self {
            case .day: 0
            case .month: 1
            case .year: 2
            case .a: 3
            case .b: 4
            case .quarter: 5
            case .half: 6
            case .season: 7
            case .week: 8
            case .current: 9
            case .upcoming: 10
            case .past: 11
            case .weekday: 12
            case .relative: 13
            case .count: 14
            case .unit: 15
            case .firstDay: 16
            case .firstMonth: 17
            case .next: 18
            case .alsoDay: 19
            case .firstYear: 20
            }
        }
    }

    /// One form: its group number and the group number of each field it has.
    struct Form: Sendable {
        let group: Int
        let fields: [(field: Field, group: Int)]
    }

    let pattern: Pattern
    /// Where a match of `pattern` may start (nil: anywhere), from the words its forms begin with.
    let starts: PatternStartFilter
    let forms: [Form]
    let vocabulary: DateVocabulary
    /// Day-month order of "03/04/2024" for this language and its regions.
    let dayFirst: Bool
    let dayFirstRegions: Set<String>
    /// A cue before a date on its line that makes it a publishing date ("Last Updated").
    let documentDateCue: Pattern?
    /// What stands right before a date without a year that is to come (`upcoming_cue`: "will
    /// pay the dividend on or about", "partiranno a", "se celebrará el", "fermera au"),
    /// ending where the date starts, and the words it may start at. Looked for only before a
    /// month, quarter, half or season without a year, at those words: as date forms, tried
    /// at each "will" or "is" of the text, the English cue cost 10 M instructions per 1,000
    /// Reuters stories for each order of day and month (callgrind); so, about 2 M in all.
    let upcomingCue: (pattern: Pattern, starts: WordStartFilter?)?
    /// What may stand before a date at the start of a line in a dateline ("PARIS (Reuters) -").
    let dateline: Pattern?
    /// What may stand before a date on a byline ("By Jane Doe | ", "von Max Weber, "): the
    /// date there is the article's.
    let byline: Pattern?
    /// What may follow a date on a header line that gives it alone ("at 10:15 AM ET").
    let headerLineRest: Pattern?
    /// What may precede a date on a header line that gives it alone ("@jdoe / 10:00 AM UTC • ").
    let headerLineLead: Pattern?

    init(file: RuleFile, common: RuleFile?) throws {
        let root = file.root
        vocabulary = try DateVocabulary(root)
        let order = root["numeric_order"]?.scalar ?? "dmy"
        guard order == "dmy" || order == "mdy" else { throw RuleError(origin: root["numeric_order"]!.origin, message: "numeric_order must be dmy or mdy") }
        dayFirst = order == "dmy"
        dayFirstRegions = Set(try root.strings("dmy_regions"))
        documentDateCue = try root["document_date_cues"]?.pattern(caseless: true)
        upcomingCue = try root["upcoming_cue"].map { node in
            let source = "(?:\(try node.string()))\\z"
            return (try file.compile(source, key: "upcoming_cue"), PatternPrefixes.of(source, caseless: true).map { WordStartFilter(capitals: false, prefixes: $0) })
        }
        dateline = try common?.root["dateline"]?.pattern()
        byline = try common?.root["byline"]?.pattern(caseless: true)
        headerLineRest = try common?.root["header_line_rest"]?.pattern(caseless: true)
        headerLineLead = try common?.root["header_line_lead"]?.pattern(caseless: true)
        let formNodes = try root.list("forms") + (try common?.root.list("forms") ?? [])
        guard !formNodes.isEmpty else { throw RuleError(origin: root.origin, message: "no date forms") }
        var alternatives: [String] = []
        for (index, node) in formNodes.enumerated() {
            alternatives.append("(?<f\(index)>\(try vocabulary.expand(try node.string(), form: index, at: node.origin)))")
        }
        let source = "(?<![\\p{L}\\p{N}])(?:\(alternatives.joined(separator: "|")))(?!\\p{N}|(?!T[0-9])\\p{L})"
        do {
            pattern = try Pattern(source, caseless: true, origin: RuleOrigin(file: file.path, line: root["forms"]?.origin.line ?? 1))
        } catch let error as PatternError {
            throw RuleError(origin: RuleOrigin(file: file.path, line: root["forms"]?.origin.line ?? 1), message: error.message)
        }
        // The pattern's lookbehind makes every match start a word, as the filter needs.
        starts = PatternStartFilter(source: source, caseless: true)
        let compiled = pattern
        forms = formNodes.indices.map { index in
            Form(group: compiled.groupNumber("f\(index)")!, fields: Field.allCases.compactMap { field in
                compiled.groupNumber("f\(index)_\(field.rawValue)").map { (field, $0) }
            })
        }
    }

    /// Whether numeric dates read day first for `language`'s region.
    func readsDayFirst(_ language: LanguageTag) -> Bool {
        language.region.map(dayFirstRegions.contains) == true ? true : dayFirst
    }
}

/// The words of a language's dates: months, weekdays, the words that number quarters and
/// halves, number words, units and relative phrases, each with its value.
/// A class: each document's ``DateResolver`` holds a reference, not a copy whose dictionaries
/// and patterns are each retained and released (measured: 1 M instructions per 1,000 Reuters
/// stories).
final class DateVocabulary: Sendable {
    /// What a relative phrase means: the period `amount` units away from the anchor's, or
    /// only its part before or after the anchor ("earlier this month").
    struct Shift: Sendable, Equatable {
        var unit: DateUnit
        var amount: Int
        var part: DatePart = .whole
    }

    let months: [String: Int]
    let weekdays: [String: Int]
    /// "third" → 3 in "the third quarter"; "last" → 4.
    let quarters: [String: Int]
    /// "second" → 2 in "the second half".
    let halves: [String: Int]
    /// A season's first month: "autumn" → 9 (seasons are three months, as meteorologists count them).
    let seasons: [String: Int]
    let numbers: [String: Int]
    /// Days of the month written as words ("first" in "the first of March", "premier"):
    /// what a form's `day` group may capture besides digits.
    let dayWords: [String: Int]
    let units: [String: DateUnit]
    let relative: [String: Shift]
    let daySuffix: String

    init(_ root: RuleNode) throws {
        func numbers(_ key: String) throws -> [String: Int] {
            var map: [String: Int] = [:]
            for (word, value) in try root.pairs(key) {
                guard let number = Int(try value.string()) else { throw RuleError(origin: value.origin, message: "expected a number") }
                map[Self.key(word)] = number
            }
            return map
        }
        months = try numbers("months")
        weekdays = try numbers("weekdays")
        quarters = try numbers("quarters")
        halves = try numbers("halves")
        seasons = try numbers("seasons")
        if let (season, month) = seasons.first(where: { !(1...10).contains($0.value) }) {
            // A season that runs into the next year ("winter 2024") is read both ways in the news.
            throw RuleError(origin: root["seasons"]!.origin, message: "season '\(season)' must start in months 1 to 10, not \(month), so it lies within its year")
        }
        self.numbers = try numbers("numbers")
        dayWords = try numbers("day_words")
        var units: [String: DateUnit] = [:]
        for (word, value) in try root.pairs("units") {
            guard let unit = DateUnit(rawValue: try value.string()) else { throw RuleError(origin: value.origin, message: "unit must be \(DateUnit.names)") }
            units[Self.key(word)] = unit
        }
        self.units = units
        var relative: [String: Shift] = [:]
        for (phrase, value) in try root.pairs("relative") {
            guard let unit = DateUnit(rawValue: try value.string("unit")), let amount = Int(try value.string("shift")),
                  let part = DatePart(rawValue: value["part"]?.scalar ?? DatePart.whole.rawValue) else {
                throw RuleError(origin: value.origin, message: "expected {unit: \(DateUnit.names), shift: N, part: whole|earlier|later (optional)}")
            }
            relative[Self.key(phrase)] = Shift(unit: unit, amount: amount, part: part)
        }
        self.relative = relative
        daySuffix = root["day_suffix"]?.scalar ?? ""
        wordPatterns = WordPatterns(
            months: Self.words(months), weekdays: Self.words(weekdays), quarters: Self.words(quarters),
            halves: Self.words(halves), seasons: Self.words(seasons), numbers: Self.words(self.numbers),
            relative: Self.words(relative.keys), units: Self.words(units.keys))
    }

    /// Each word list as pattern text, made once: every form expands them.
    private struct WordPatterns {
        let months, weekdays, quarters, halves, seasons, numbers, relative, units: String
    }

    private let wordPatterns: WordPatterns

    /// Words as one alternation, longest first (words of one length in alphabetical order, so
    /// the text is the same in every run whatever order a dictionary gave them in), a space
    /// matching any horizontal space; the first letters in a lookahead class, so a word that
    /// starts none of them is passed over with one test instead of one per word of the list.
    private static func words(_ words: some Collection<String>) -> String {
        let firsts = Set(words.compactMap(\.first)).sorted().map { PatternText.escape(String($0)) }.joined()
        let alternation = words.sorted { $0.utf8.count != $1.utf8.count ? $0.utf8.count > $1.utf8.count : $0 < $1 }
            .map { $0.split(separator: " ").map { PatternText.escape(String($0)) }.joined(separator: "\\h+") }
            .joined(separator: "|")
        return firsts.isEmpty ? "(?!)" : "(?=[\(firsts)])(?:\(alternation))"
    }

    private static func words(_ map: [String: Int]) -> String { words(map.keys) }

    /// How a word is looked up: lower case, single spaces, no final period.
    static func key(_ text: String) -> String {
        // ASCII text (what a scan finds in most languages' months, weekdays and phrases) in one
        // pass over its bytes, as the split and join below would make it: they cost 8,000
        // instructions a phrase ("last year"), 3 M per 1,000 Reuters stories (callgrind).
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(unsafeUninitializedCapacity: text.utf8.count) { key in
                var count = 0, spaceBefore = false
                for byte in text.utf8 {
                    // ASCII white space: tab, line feed, vertical tab, form feed, return, space.
                    if byte == 0x20 || byte &- 0x09 < 5 {
                        spaceBefore = count > 0
                        continue
                    }
                    if spaceBefore {
                        key[count] = 0x20
                        count += 1
                        spaceBefore = false
                    }
                    key[count] = byte &- 0x41 < 26 ? byte | 0x20 : byte
                    count += 1
                }
                return count > 0 && key[count - 1] == UInt8(ascii: ".") ? count - 1 : count
            }
        }
        var words = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if words.hasSuffix(".") { words.removeLast() }
        return words
    }

    /// The form's pattern with placeholders expanded and group names prefixed `fN_`.
    func expand(_ form: String, form index: Int, at origin: RuleOrigin) throws -> String {
        let prefix = "f\(index)_"
        let suffix = daySuffix.isEmpty ? "" : "(?:\(daySuffix))?"
        let expansions: [String: String] = [
            "day": "(?<\(prefix)day>[0-3]?[0-9])\(suffix)",
            "month": "(?<\(prefix)month>\(wordPatterns.months))",
            "firstday": "(?<\(prefix)firstDay>[0-3]?[0-9])\(suffix)",
            "firstmonth": "(?<\(prefix)firstMonth>\(wordPatterns.months))",
            // A year that opens a day in numbers ("by 2024-03-05", "seit 2024/3/5") is that
            // day's, which its own form reads: not a year after "by".
            "year": "(?<\(prefix)year>(?:1[89]|20)[0-9]{2})(?![-/](?:0?[1-9]|1[0-2])[-/][0-3]?[0-9])",
            "weekday": "(?<\(prefix)weekday>\(wordPatterns.weekdays))",
            "quarter": "(?<\(prefix)quarter>\(wordPatterns.quarters))",
            "half": "(?<\(prefix)half>\(wordPatterns.halves))",
            "season": "(?<\(prefix)season>\(wordPatterns.seasons))",
            "relative": "(?<\(prefix)relative>\(wordPatterns.relative))",
            "unit": "(?<\(prefix)unit>\(wordPatterns.units))",
            "count": "(?<\(prefix)count>[0-9]{1,3}\(numbers.isEmpty ? "" : "|\(wordPatterns.numbers)"))",
        ]
        var result = ""
        var rest = Substring(form)
        while let open = rest.firstIndex(where: { $0 == "{" || $0 == "(" }) {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            if rest[open] == "(" {
                // A named group of the form itself: (?<name> becomes (?<fN_name>.
                if rest[afterOpen...].hasPrefix("?<"), let letter = rest[afterOpen...].dropFirst(2).first, letter.isLetter {
                    result += "(?<\(prefix)"
                    rest = rest[rest.index(afterOpen, offsetBy: 2)...]
                } else {
                    result += "("
                    rest = rest[afterOpen...]
                }
                continue
            }
            guard let close = rest[open...].firstIndex(of: "}") else { result += rest[open...]; return result }
            let name = String(rest[afterOpen..<close])
            if let expansion = expansions[name] {
                result += expansion
            } else if !name.isEmpty && name.allSatisfy({ $0.isLowercase }) {
                throw RuleError(origin: origin, message: "unknown placeholder {\(name)}")
            } else {
                result += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}

/// The unit of a relative date.
enum DateUnit: String, CaseIterable, Sendable {
    case day, week, month, quarter, half, year

    static let names = allCases.map(\.rawValue).joined(separator: "|")
}

/// Which days of a relative period a phrase means: all of it, those before the anchor
/// ("earlier this month": from the 1st to the anchor) or those after it ("later this year").
enum DatePart: String, Sendable { case whole, earlier, later }

/// The text of each field a date form captured: a slot per field rather than a dictionary,
/// since hashing the fields of every date read and resolved was measured at about 1% of
/// `extract` time.
struct DateParts {
    private var values = [String?](repeating: nil, count: DateGrammar.Field.allCases.count)

    subscript(field: DateGrammar.Field) -> String? {
        get { values[field.slot] }
        set { values[field.slot] = newValue }
    }
}
