import Testing
@testable import Concord

@Suite struct PatternTests {
    @Test func offsetsAreScalarsInMultiByteText() throws {
        let buffer = TextBuffer("Le prix: €15 million, pas 15 €.")
        let pattern = try Pattern(#"€\d+|\d+ €"#)
        let found = try pattern.matches(in: buffer).map { buffer.scalarRange(ofBytes: $0.range) }
        #expect(found == [9..<12, 26..<30])
        #expect(try pattern.matches(in: buffer).map { buffer.string($0.range) } == ["€15", "15 €"])
    }

    @Test func namedGroups() throws {
        let pattern = try Pattern(#"(?<amount>\d+)\s*(?<unit>million)?"#)
        let buffer = TextBuffer("über 15 million")
        let match = try #require(try pattern.firstMatch(in: buffer))
        #expect(buffer.string(match["amount"]!) == "15")
        #expect(buffer.string(match["unit"]!) == "million")
        #expect(match["nonexistent"] == nil)
    }

    @Test func emptyMatchesAdvanceByWholeScalars() throws {
        let buffer = TextBuffer("é€x")
        let matches = try Pattern("(?=x)|").matches(in: buffer)
        // An empty match at each scalar boundary, none inside a multi-byte scalar.
        #expect(matches.map { buffer.scalarOffset(ofByte: $0.range.lowerBound) } == [0, 1, 2, 3])
    }

    @Test func emptySubject() throws {
        #expect(try Pattern("a*").matches(in: TextBuffer("")).count == 1)
        #expect(try Pattern("a").matches(in: TextBuffer("")).isEmpty)
    }

    @Test func compileErrorNamesOriginAndMessage() {
        let origin = RuleOrigin(file: "money/en.yaml", line: 12)
        #expect {
            _ = try Pattern("(unclosed", origin: origin)
        } throws: { error in
            guard case let .compile(errorOrigin, message, _) = error as? PatternError else { return false }
            return errorOrigin == origin && message.contains("missing closing parenthesis")
        }
    }

    @Test func catastrophicPatternStopsAtItsLimit() throws {
        let pattern = try Pattern("(a+)+$", limits: MatchLimits(matchLimit: 10_000, depthLimit: 1_000, jitStackMax: 1 << 16))
        let subject = TextBuffer(String(repeating: "a", count: 40) + "b")
        #expect(throws: PatternError.self) { try pattern.matches(in: subject) }
    }

    @Test func sharedBetweenThreads() async throws {
        let pattern = try Pattern(#"\d+"#)
        let counts = await withTaskGroup(of: Int.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    let text = String(repeating: "x \(worker) ", count: 500)
                    return (try? pattern.matches(in: TextBuffer(text)).count) ?? -1
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(counts == Array(repeating: 500, count: 8))
    }

    @Test func scalarAndByteOffsetsRoundTrip() {
        let buffer = TextBuffer("a€b😀c")
        #expect(buffer.scalarCount == 5)
        #expect((0...5).map { buffer.scalarOffset(ofByte: buffer.byteOffset(ofScalar: $0)) } == Array(0...5))
        #expect(buffer.byteOffset(ofScalar: 3) == 5)
    }

    @Test func anchoredMatchStartsExactlyThere() throws {
        let pattern = try Pattern("b+")
        let buffer = TextBuffer("aabb ab")
        #expect(try pattern.anchoredMatch(in: buffer, at: 0) == nil)
        #expect(try pattern.anchoredMatch(in: buffer, at: 2)?.range == 2..<4)
        #expect(try pattern.anchoredMatch(in: buffer, at: 3)?.range == 3..<4)
        #expect(try pattern.anchoredMatch(in: buffer, at: 2, to: 3)?.range == 2..<3)
    }

    @Test func scanInsideAnotherScansCallbackKeepsBothResults() throws {
        // The inner pattern has more groups than the outer: the thread's match data grows
        // while the outer scan is under way.
        let outer = try Pattern(#"\d+"#)
        let inner = try Pattern(#"(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)(l)(m)(n)(o)(p)(q)(r)(s)"#)
        let buffer = TextBuffer("1 abcdefghijklmnopqrs 22 333")
        var found: [String] = []
        try outer.forEachMatch(in: buffer) { match in
            found.append(buffer.string(match.range))
            let letters = try? inner.firstMatch(in: buffer)
            found.append(letters.flatMap { $0[19] }.map(buffer.string) ?? "-")
            return true
        }
        #expect(found == ["1", "s", "22", "s", "333", "s"])
    }

    @Test func wordStartFilterFindsWhatAFullScanFinds() throws {
        // Matches start a word, with a capital or with "chief" or "dr." in any case.
        let pattern = try Pattern(#"(?<![\p{L}\p{N}])(?:\p{Lu}\p{Ll}+|(?i:chief|dr\.)\h+\p{Lu}\p{Ll}+)"#)
        let starts = WordStartFilter(capitals: true, prefixes: ["chief", "Dr."])
        let buffer = TextBuffer("the chief Ada met dr. Bob, CHIEF Carl, mischief Dan and Éric in 2024Zed x-Fay.")
        var filtered: [String] = []
        try pattern.forEachMatch(in: buffer, startingAt: starts) { filtered.append(buffer.string($0.range)); return true }
        #expect(filtered == ["chief Ada", "dr. Bob", "CHIEF Carl", "Dan", "Éric", "Fay"])
        #expect(filtered == (try pattern.matches(in: buffer)).map { buffer.string($0.range) })
    }

    @Test func wordStartFilterFindsWhatAFullScanFindsWithPrefixesOfEveryLength() throws {
        // One-character prefixes, two-character ones, longer ones with spaces, in and out of case:
        // the pair table and the hashed steps after it must never reject where a match starts.
        let prefixes = ["a", "of", "in jan", "dr.", "x y", "chief", "Ma", "q3 2", "Tōkyō", "São P", "o\u{212A}"]
        let words = ["a", "A", "an", "of", "Of", "off", "oF", "in", "in  Jan", "in\tjanuary", "in\njan", "india", "dr.", "Dr.", "drum",
                     "x y", "x  Y", "xy", "chief", "mischief", "CHIEF", "Ma", "ma", "Mb", "q3 2024", "Q3  2", "q32", "été", "Ärger", "ǅ",
                     "9a", "a9", "-of", "(a)", "x-y", "o", "of.", "i", "b", "Tōkyō", "tōkyō", "TŌKYŌ", "To", "The", "São Paulo", "SÃO P", "Sao", "ok", "OK", "o\u{212A}", "ox"]
        var text = ""
        var state: UInt64 = 7
        for _ in 0..<600 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            text += words[Int(state >> 33) % words.count] + [" ", " ", "\n", ", ", "  ", "\t"][Int(state >> 20) % 6]
        }
        let buffer = TextBuffer(text)
        for caseless in [true, false] {
            let alternation = prefixes.map { PatternText.escape($0).replacingOccurrences(of: " ", with: "\\h+") }.joined(separator: "|")
            let pattern = try Pattern("(?<![\\p{L}\\p{N}])(?:\(alternation))\\S*", caseless: caseless)
            let starts = WordStartFilter(capitals: false, prefixes: prefixes, caseless: caseless)
            var filtered: [Range<Int>] = []
            try pattern.forEachMatch(in: buffer, startingAt: starts) { filtered.append($0.range); return true }
            #expect(filtered.count > 100)
            #expect(filtered == (try pattern.matches(in: buffer)).map(\.range), "caseless: \(caseless)")
        }
    }

    @Test func wordStartFilterSkipsOnlyWhereNoMatchCanStart() {
        let starts = WordStartFilter(capitals: false, prefixes: ["chief", "dr", "élan"])
        let text = Array("mischief chief Chief drum xdr été 9dr".utf8)
        let allowed = text.withUnsafeBufferPointer { bytes in
            (0..<bytes.count).filter { starts.mayStart(bytes.baseAddress!, count: bytes.count, at: $0) }
        }
        // "chief", "Chief", "drum" (begins like "dr") and "été" (not ASCII); never after an
        // ASCII letter or digit, nor where no word begins ("xdr", the "t" of "été").
        #expect(allowed == [9, 15, 21, 30])
    }

    /// A prefix whose ASCII head runs into a non-ASCII scalar ("0–0 mar" of a span of days)
    /// lets ASCII text through only where a non-ASCII scalar follows that head, not every
    /// number; a scalar that an ASCII letter matches without case (the Kelvin sign) ends a
    /// prefix of its own as before.
    @Test func wordStartFilterReadsAHeadBeforeANonASCIIScalarAsTheStartOfAPrefix() {
        let starts = WordStartFilter(capitals: false, prefixes: ["0–0 mar", "00 –", "x\u{212A}", "dé"])
        let text = Array("155,221 bags 3–5 March 12 – 14 x 4 to 5 xk dé de".utf8)
        let allowed = text.withUnsafeBufferPointer { bytes in
            (0..<bytes.count).filter { starts.mayStart(bytes.baseAddress!, count: bytes.count, at: $0) }
        }
        // "3–5", "12 –", the dash after a space (not ASCII), "x" and "xk", "dé"; not "155,221",
        // "5 March", "14", "de".
        #expect(allowed == [13, 25, 28, 35, 44, 47])
    }

    @Test func patternPrefixesAreTheLiteralsEveryMatchBeginsWith() {
        let source = #"(?<![\p{L}\p{N}])(?:(?:On|last)\h+\K(?<w>monday|tue)|[0-3]?[0-9]\.|q[1-4])(?!\p{N})"#
        // A digit reads as "0", so a prefix goes on past a number.
        #expect(PatternPrefixes.of(source, caseless: true) == ["0.", "00.", "last mon", "last tue", "on monda", "on tue", "q0"])
        #expect(PatternPrefixes.of(#"(?:19|20)[0-9]{2}-\d|[0-9]{1,3}\h+days"#, caseless: true) == ["0 days", "00 days", "000 days", "0000-0"])
        #expect(PatternPrefixes.of("(?:the\\h+)?Jan|FEB", caseless: false) == ["FEB", "Jan", "the Jan"])
        // A space stands for a run of them, however the pattern writes it.
        #expect(PatternPrefixes.of(#"(?:in|since)\h+(?:the\h+)?jan"#, caseless: true) == ["in jan", "in the j", "since ja", "since th"])
        #expect(PatternPrefixes.of(#"in \h*\h+x"#, caseless: true) == ["in x"])
        // A line end too: "in\n1992" is "in 1992" to the filter, not a word it must try anywhere.
        #expect(PatternPrefixes.of(#"in(?:\h+|\h*\R\h{0,4})19"#, caseless: true) == ["in 00"])
        // A class of a few literals is each of them (a prefix stops at a non-ASCII one, as the
        // filter reads no further); not a range, a negation or a class of more
        // than eight.
        #expect(PatternPrefixes.of(#"s[ée]rie\h"#, caseless: true) == ["serie ", "sé"])
        #expect(PatternPrefixes.of("[Ss]eed|[]]x", caseless: false) == ["Seed", "]x", "seed"])
        #expect(PatternPrefixes.of("[a-c]x", caseless: true) == nil)
        #expect(PatternPrefixes.of("[^ab]x", caseless: true) == nil)
        #expect(PatternPrefixes.of("[abcdefghi]x", caseless: true) == nil)
        // A match that may begin with any letter, be empty, or syntax not read: no prefixes.
        #expect(PatternPrefixes.of(#"\p{Lu}\w+"#, caseless: true) == nil)
        #expect(PatternPrefixes.of("a?", caseless: true) == nil)
        #expect(PatternPrefixes.of("(?i:abc)", caseless: true) == nil)
        #expect(PatternPrefixes.of("[a-z]x", caseless: true) == nil)
        #expect(PatternPrefixes.of("[^-]x", caseless: true) == nil)
        #expect(PatternPrefixes.of(#"[\s-]x"#, caseless: true) == nil)
        // A class of a few members is each of them: a literal, an escaped one, a space, digits.
        #expect(PatternPrefixes.of(#"[0-3]?[0-9][-–]mar|third[\h-]q|[Ab\.\d]"#, caseless: true)
            == [".", "0", "0-mar", "00-mar", "00–", "0–", "a", "b", "third q", "third-q"])
    }

    /// Many alternatives fill the prefix set past the few it searches one by one; words that
    /// agree in their first eight characters give one prefix, as do runs of spaces.
    @Test func patternPrefixesOfManyWordsHaveNoRepeats() {
        let letters = Array("abcdefghijklmnopqrstuvwxy")
        let words = (0..<40).map { "Word\(letters[$0 % 25])x" } + ["internationally", "International", #"inter\h\hnational"#]
        let expected = (letters.map { "word\($0)x" } + ["inter na", "internat"]).sorted()
        #expect(PatternPrefixes.of(words.joined(separator: "|"), caseless: true) == expected)
        // A prefix ends at a character that is not ASCII, where the filter stops reading.
        #expect(PatternPrefixes.of(#"(?:é|ß|x)(?:ü|y)\h\h+z"#, caseless: true) == ["xy z", "xü", "ß", "é"])
    }

    /// A non-ASCII scalar of a prefix that no ASCII character matches ("ō", "ã"; in any case
    /// as where case is kept) lets no word that merely starts with the ASCII head before it
    /// ("The") try the pattern. One that an ASCII character matches in any case (the Kelvin
    /// sign, "k") lets the head through there; where case is kept, it matches only itself.
    @Test func wordStartFilterComparesUpToANonASCIIScalarThatNoASCIIMatches() {
        func allowed(_ prefixes: [String], caseless: Bool) -> [String] {
            let starts = WordStartFilter(capitals: false, prefixes: prefixes, caseless: caseless)
            return ["The", "Tōkyō", "TŌKYŌ", "Tokyo", "São", "Sales", "Th", "ok", "ox", "o\u{212A}"].filter { word in
                Array(word.utf8).withUnsafeBufferPointer { starts.mayStart($0.baseAddress!, count: $0.count, at: 0) }
            }
        }
        #expect(allowed(["Tōkyō", "São Paulo"], caseless: false) == ["Tōkyō", "TŌKYŌ", "São"])
        #expect(allowed(["Tōkyō", "São Paulo"], caseless: true) == ["Tōkyō", "TŌKYŌ", "São"])
        #expect(allowed(["Tōkyō", "Th"], caseless: false) == ["The", "Tōkyō", "TŌKYŌ", "Th"])
        #expect(allowed(["o\u{212A}"], caseless: true) == ["ok", "ox", "o\u{212A}"])
        #expect(allowed(["o\u{212A}"], caseless: false) == ["o\u{212A}"])
    }

    @Test func wordStartFilterReadsARunOfSpacesAsOne() {
        let starts = WordStartFilter(capitals: false, prefixes: ["in jan"])
        func allows(_ text: String) -> Bool {
            Array(text.utf8).withUnsafeBufferPointer { starts.mayStart($0.baseAddress!, count: $0.count, at: 0) }
        }
        #expect(allows("in  Jan."))
        #expect(allows("in\tjanuary"))
        #expect(!allows("in june"))
        #expect(!allows("india"))
        #expect(allows("in\njan"))
        #expect(!allows("in-jan"))
    }

    /// Every language's date forms start with words or digits the filter can read: a form
    /// that may start with any letter would make every date scan try every word.
    @Test(arguments: ["en", "fr", "de", "es", "it"])
    func everyLanguagesDateScanHasAStartFilter(language: String) throws {
        let grammar = try #require(try DateExtractor(rules: Fixtures.rules).grammars.grammar(for: language))
        #expect(grammar.starts.filter != nil)
    }

    @Test func dateScanWithItsStartFilterFindsWhatAFullScanFinds() throws {
        let grammar = try #require(try DateExtractor(rules: Fixtures.rules).grammars.grammar(for: "en"))
        let starts = try #require(grammar.starts.filter)
        let buffer = TextBuffer("NEW YORK, March 3 - Sales rose on Tuesday and fell since 2019; 27 February 2024, Q3 2023, two weeks ago, yesterday and 2024-02-27.")
        var filtered: [Range<Int>] = []
        try grammar.pattern.forEachMatch(in: buffer, startingAt: starts) { filtered.append($0.range); return true }
        #expect(filtered.map(buffer.string) == ["March 3", "Tuesday", "2019", "27 February 2024", "Q3 2023", "two weeks ago", "yesterday", "2024-02-27"])
        #expect(filtered == (try grammar.pattern.matches(in: buffer)).map(\.range))
    }

    /// The filter reads every digit as "0" and goes on past it: dates that begin with a
    /// number, in every form of every language, are found among numbers that begin none.
    @Test(arguments: ["en", "fr", "de", "es", "it"])
    func dateScanWithItsStartFilterFindsDatesThatBeginWithNumbers(language: String) throws {
        let grammar = try #require(try DateExtractor(rules: Fixtures.rules).grammars.grammar(for: language))
        let starts = try #require(grammar.starts.filter)
        let buffer = TextBuffer("""
            155,221 bags of 60 kilos, 5.93 mln; 3Q23 and 1H24, Q4'23, H2 2024, 27.02.2024, 02/27/2024, 2024/02/27,
            2024-02-27T09:30, 3 days ago, 12 months, week 9 of 2024, FY2023, fiscal 2024, the 25th of June, 1er mars 2024,
            3. März 2024, 27 de febrero de 2024, 27 febbraio 2024, 3 mars, 12 Feb, 1987 and 2019, in 2019, ٣ 2024, 1.5.2024.
            3–5 March 2024, March 3–5, 2024, 20–22 Feb, 12 – 14 Feb 2024, du 3 au 5 mars 2024, 3.–5. März 2024.
            """)
        var filtered: [Range<Int>] = []
        try grammar.pattern.forEachMatch(in: buffer, startingAt: starts) { filtered.append($0.range); return true }
        #expect(filtered.count >= 10)
        #expect(filtered == (try grammar.pattern.matches(in: buffer)).map(\.range))
    }

    @Test func wordStartFilterWithDigitsAllowsANumberInsideAWord() {
        let starts = WordStartFilter(capitals: false, prefixes: ["mln"], digits: true)
        let text = Array("EUR15 mln x2024 ½ 300".utf8)
        var allowed: [Int] = []
        text.withUnsafeBufferPointer { bytes in
            var offset = 0
            while let next = starts.nextStart(bytes.baseAddress!, count: bytes.count, from: offset) {
                allowed.append(next)
                offset = next + 1
            }
        }
        // "15" after "EUR", "mln", "2024" after "x", "½" (not ASCII: both its bytes' lead) and
        // "300"; never a digit that follows a digit.
        #expect(allowed == [3, 6, 11, 16, 19])
    }

    /// ``WordStartFilter/nextStart(_:count:from:)`` tests eight bytes at a time only those a
    /// mask marks; it must find the first offset that the byte-by-byte test
    /// ``WordStartFilter/allowsStart(_:count:at:)`` allows, from every offset, whatever the
    /// filter's kinds of first bytes and wherever the text ends inside a word of eight bytes.
    @Test func wordStartFilterSkipsEightBytesOnlyWhereNoOffsetIsAllowed() {
        let filters = [
            WordStartFilter(capitals: true, prefixes: ["de", "van der", "al-"]),
            WordStartFilter(capitals: false, prefixes: ["in jan", "q3", "dr.", "9th"]),
            WordStartFilter(capitals: false, prefixes: ["Jan", "Meta", "xAI"], caseless: false),
            WordStartFilter(capitals: false, prefixes: ["mln", "bn"], digits: true),
            WordStartFilter(capitals: false, prefixes: ["$", " per", "(a)"], digits: true),
            WordStartFilter(capitals: false, prefixes: ["", "x"]),
            WordStartFilter(capitals: true, prefixes: ["-of", "Ébène"], caseless: false),
        ]
        let pieces = ["a", "Z", "q", "x", "7", "0", "9", " ", "  ", "\t", "\n", ".", "-", "$", "(", "é", "É", "€", "𝄞", "½",
                      "in", "jan", "Jan", "Dr", "dr.", "of", "mln", "bn", "Meta", "xAI", "de", "van", "per", "q3", "EUR15", "2024"]
        let text = Self.randomText(of: pieces, count: 400, seed: 11)
        let bytes = Array(text.utf8)
        let wordStarts = TextBuffer(text).wordStarts
        bytes.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            for (number, filter) in filters.enumerated() {
                for count in [bytes.count, bytes.count - 3, bytes.count - 8, 0, 1, 7, 9, 17] {
                    // The first allowed offset from each offset, read backwards from the end.
                    var expected = [Int?](repeating: nil, count: count + 1)
                    for offset in stride(from: count - 1, through: 0, by: -1) {
                        expected[offset] = filter.allowsStart(base, count: count, at: offset) ? offset : expected[offset + 1]
                    }
                    let found = (0...count).map { filter.nextStart(base, count: count, from: $0) }
                    #expect(found == expected, "filter \(number), count \(count)")
                    // From the text's word starts: a cursor of its own for each offset, and one
                    // that a scan moves along, forward and (from the start again) back.
                    let fresh = (0...count).map { offset in
                        var cursor = WordStartCursor(wordStarts)
                        return filter.nextStart(base, count: count, from: offset, wordStarts: &cursor)
                    }
                    #expect(fresh == expected, "filter \(number), count \(count), fresh cursor")
                    var cursor = WordStartCursor(wordStarts)
                    let moved = ((0...count).map { $0 } + [count / 2, 3, 0]).map { filter.nextStart(base, count: count, from: $0, wordStarts: &cursor) }
                    #expect(moved == expected + [expected[count / 2], expected[min(3, count)], expected[0]], "filter \(number), count \(count), moved cursor")
                    if count == bytes.count { #expect(Set(expected.compactMap { $0 }).count > 20, "filter \(number)") }
                }
            }
        }
    }

    /// `count` of `pieces` strung together in an order a linear congruential generator from
    /// `seed` picks: the same text on every run, with pieces side by side that no hand-written
    /// case would think of.
    static func randomText(of pieces: [String], count: Int, seed: UInt64) -> String {
        var state = seed
        var text = ""
        for _ in 0..<count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            text += pieces[Int(state >> 33) % pieces.count]
        }
        return text
    }

    /// ``WordStarts`` reads eight bytes at a time: it must find the offsets that the test of a
    /// byte and the one before it finds, wherever the text ends inside a word of eight bytes,
    /// and say which follow an ASCII letter or digit.
    @Test func wordStartsAreTheOffsetsThatByteTestsFind() {
        let pieces = ["a", "Z", "7", " ", "\n", ".", "-", "é", "€", "𝄞", "½", "EUR15", "x2024", "ab", "1.5"]
        let text = Self.randomText(of: pieces, count: 300, seed: 5)
        let bytes = Array(text.utf8)
        for count in [bytes.count, bytes.count - 1, bytes.count - 5, 0, 1, 7, 8, 9, 16] {
            let starts = bytes.withUnsafeBufferPointer { WordStarts($0.baseAddress!, count: count) }
            let expected = (0..<count).filter { WordStarts.isStart(bytes[$0], after: $0 > 0 ? bytes[$0 - 1] : nil) }
            #expect((0..<starts.count).map { starts[$0] } == expected, "count \(count)")
            let followingWords = expected.filter { $0 > 0 && (Bytes.isASCIILetter(bytes[$0 - 1]) || Bytes.isDigit(bytes[$0 - 1])) }
            #expect((0..<starts.count).filter(starts.followsWord).map { starts[$0] } == followingWords, "count \(count)")
            if count == bytes.count { #expect(followingWords.count > 10 && expected.count > 100) }
        }
        #expect(WordStarts.isStart(UInt8(ascii: "5"), after: UInt8(ascii: "R")))
        #expect(!WordStarts.isStart(UInt8(ascii: "5"), after: UInt8(ascii: "1")))
        #expect(!WordStarts.isStart(UInt8(ascii: "a"), after: UInt8(ascii: "b")))
        #expect(WordStarts.isStart(UInt8(ascii: "a"), after: UInt8(ascii: "-")))
    }

    @Test func moneyScanWithItsStartFilterFindsWhatAFullScanFinds() throws {
        let extractor = try MoneyExtractor(rules: Fixtures.rules)
        let texts = [
            "en": "It paid EUR15 mln, two million dollars and $3.5bn; US$ 12 cts, ½ a million pounds, twenty MUSD, 5 quid, a quarter and 1,500 yen in 2024.",
            "fr": "Elle a levé 15 millions d'euros, deux milliards de dollars et 3,5 Md€ ; 12 M€ en 2024.",
            "de": "Sie sammelte 15 Mio. Euro, zwei Milliarden Dollar und 3,5 Mrd. € ein; 12 Millionen Franken.",
        ]
        for (language, text) in texts {
            let grammar = try #require(try extractor.grammars.grammar(for: language))
            let buffer = TextBuffer(text)
            var filtered: [Range<Int>] = []
            // The money scan's own start finder where the grammar has one (MoneyStarts), else its filter.
            if let starts = grammar.moneyStarts {
                try ChunkedScan.forEachMatch(grammar.scan, in: buffer, startingAt: starts) { filtered.append($0.range) }
            } else {
                let starts = try #require(grammar.scanStarts)
                try grammar.scan.forEachMatch(in: buffer, startingAt: starts) { filtered.append($0.range); return true }
            }
            #expect(filtered.count >= 4, "\(language)")
            #expect(filtered == (try grammar.scan.matches(in: buffer)).map(\.range), "\(language)")
        }
    }

    @Test func literalStartsOfAFragmentCoverEveryAlternative() throws {
        #expect(PatternText.literalStarts(#"buy(?:s|ing)?|bought"#) == ["buy", "bought"])
        #expect(PatternText.literalStarts(#"took\h+over|takes?\h+over"#) == ["took", "take"])
        #expect(PatternText.literalStarts(#"led\h+by|(?:co-)?led\h+by|[Bb]acked"#) == ["led", "co-", "led", ""])
        // A group that must match gives the starts of its own alternatives.
        #expect(PatternText.literalStarts(#"(?:announced|rolled\h+out|(?:co-)?led)(?:\h+the)?|x[(|]"#) == ["announced", "rolled", "co-", "led", "x"])
        // An optional group: its starts and those of what follows it.
        #expect(PatternText.literalStarts(#"(?:pre-)*seed|(?:a|b){0,2}?c|(?:has\h+|have\h+)?(?:got|won)\h|(?:x)?"#) == ["pre-", "seed", "a", "b", "c", "has", "have", "got", "won", "x", ""])
        #expect(PatternText.literalStarts(#"(?:a|b){1,2}c|(?:d)+e|(?:f)?+[gh]"#) == ["a", "b", "d", "f", ""])
        // A filter built from them lets a cue pattern match wherever a full scan does.
        let fragment = #"buy(?:s|ing)?|bought|took\h+over|(?:co-)?led\h+by"#
        let pattern = try Pattern("(?<![\\p{L}\\p{N}])(?i:\(fragment))\\h+\\p{Lu}\\p{Ll}+")
        let buffer = TextBuffer("It bought Acme, took over Brill and was co-led by Cora; Vex buys Dune.")
        let starts = WordStartFilter(capitals: false, prefixes: PatternText.literalStarts(fragment))
        var filtered: [String] = []
        try pattern.forEachMatch(in: buffer, startingAt: starts) { filtered.append(buffer.string($0.range)); return true }
        #expect(filtered == ["bought Acme", "took over Brill", "co-led by Cora", "buys Dune"])
    }

    @Test func caseKeepingTrieMatchesAsTheTextsLongestFirst() throws {
        let forms = ["Meta", "Microsoft", "Mistral", "Mistral AI", "AI", "A.I."]
        let trie = try Pattern(#"(?<![\p{L}\p{N}])(?<name>"# + PatternText.alternation(forms, bounded: false, foldCase: false) + #")(?![\p{L}\p{N}])"#)
        let longestFirst = forms.sorted { $0.count > $1.count }.map(PatternText.escape).joined(separator: "|")
        let joined = try Pattern(#"(?<![\p{L}\p{N}])(?<name>"# + longestFirst + #")(?![\p{L}\p{N}])"#)
        let buffer = TextBuffer("Mistral AI and Mistral, Microsoft's Meta AIs; A.I. at Metas")
        let found = try trie.matches(in: buffer).map { buffer.string($0.range) }
        #expect(found == ["Mistral AI", "Mistral", "Microsoft", "Meta", "A.I."])
        #expect(found == (try joined.matches(in: buffer)).map { buffer.string($0.range) })
    }
}
