/// Finds dates in the forms of `Rules/dates/<lang>.yaml` (one compiled pattern per
/// language), finds the document's own date, and resolves relative dates against it.
///
/// The document's date is the earliest day that the text gives as its publishing date:
/// on a line with a cue before it ("Last Updated : 28 Feb, 2024", "(Update: ... (Feb. 27,
/// 2024))", "Published"), in a dateline ("NEW YORK, March 3 -"), or alone on a line of the
/// header, where a time of day may follow it ("March 4, 2025 at 10:15 AM"). Dates of events
/// the article reports are never taken for it. A publishing date without its year takes
/// the one that puts it last up to the published date (metadata), else up to a publishing
/// date the text states with its year, else up to the reference date.
public struct DateExtractor: Sendable {
    /// The dates of one document and the document's own date.
    public struct Analysis: Sendable {
        public var mentions: [DateMention]
        /// `YYYY-MM-DD` the document was published, as its text states it.
        public var documentDate: String?
        /// Index into `mentions` of the mention that gave `documentDate`.
        public var documentDateIndex: Int?
    }

    /// How many lines from the top count as the header, where a date alone on its line
    /// is the publishing date. Only lines of the body that hold text count: blank lines,
    /// page furniture (menus, share rows) and, in HTML, the markup of the page's head do not.
    static let headerLines = 12

    let grammars: GrammarsByLanguage<DateGrammar>

    public init(rules: RuleSet, compilation: GrammarCompilation = .eager) throws {
        let common = rules.file("dates/common.yaml"), files = rules.filesByLanguage(in: "dates")
        grammars = try GrammarsByLanguage(languages: files.keys, compilation: compilation) { try DateGrammar(file: files[$0]!, common: common) }
    }

    /// Every date of `document`; relative ones resolved against `published` (metadata),
    /// else the date the text gives itself, else `reference`.
    public func analyze(_ document: TokenizedDocument, published: String?, reference: String?) throws -> Analysis {
        guard let grammar = try grammars.grammar(for: document.language.language) else {
            return Analysis(mentions: [], documentDate: nil, documentDateIndex: nil)
        }
        let buffer = document.buffer
        let resolver = DateResolver(vocabulary: grammar.vocabulary)
        let dayFirst = grammar.readsDayFirst(document.language)
        var found: [(bytes: Range<Int>, parts: DateParts)] = []
        try grammar.pattern.forEachMatch(in: buffer, startingAt: grammar.starts.filter) { match in
            guard let form = grammar.forms.first(where: { match[$0.group] != nil }) else { return true }
            var parts = DateParts()
            var alsoDay: Range<Int>?, dayStart: Int?
            for (field, group) in form.fields {
                guard let range = match[group] else { continue }
                parts[field] = buffer.string(range)
                if field == .alsoDay { alsoDay = range }
                if field == .day { dayStart = range.lowerBound }
            }
            // A month, quarter, half or season without a year after a cue of what is to come
            // ("will pay on Dec. 15", "le consegne partiranno a settembre"): the first such
            // day or period from the anchor on, not the nearest or the last.
            if parts[.year] == nil, parts[.past] == nil, parts[.upcoming] == nil, parts[.current] == nil,
               parts[.month] != nil || parts[.quarter] != nil || parts[.half] != nil || parts[.season] != nil,
               let cue = grammar.upcomingCue, let start = match.range.first {
                try? cue.pattern.forEachMatch(in: buffer, from: buffer.scalarBoundary(atOrBefore: max(0, start - 120)), to: start, startingAt: cue.starts) { _ in
                    parts[.upcoming] = ""
                    return false
                }
            }
            if let alsoDay, let dayStart, alsoDay.upperBound <= dayStart {
                // "les 3 et 4 juin", "June 3 and 4": the text up to the first day, then the
                // date from the second day on.
                var other = parts
                other[.day] = parts[.alsoDay]
                found.append((match.range.lowerBound..<alsoDay.upperBound, other))
                found.append((dayStart..<match.range.upperBound, parts))
                return true
            }
            if !match.range.isEmpty { found.append((match.range, parts)) }
            return true
        }
        // The document's date: the earliest publishing date its text states, written as a
        // day and month ("yesterday" alone on a line dates nothing).
        let referenceDay = reference.flatMap(CalendarDay.init(iso:))
        let publishedDay = published.flatMap(CalendarDay.init(iso:))
        var documentDay: (day: CalendarDay, index: Int)?
        var yearless: [Int] = []
        // Where the header ends, found once and only for a document with a candidate date.
        var headerEnd: Int?
        func header() -> Int {
            if let headerEnd { return headerEnd }
            let end = Self.headerEnd(of: document)
            headerEnd = end
            return end
        }
        for (index, date) in found.enumerated() where (date.parts[.month] != nil && date.parts[.day] != nil) || date.parts[.a] != nil {
            guard let resolution = resolver.resolve(date.parts, dayFirst: dayFirst, anchor: nil) else { continue }
            guard let value = resolution.value else {
                if resolution.isRelative { yearless.append(index) }
                continue
            }
            guard value.isDay else { continue }
            guard try isPublishingDate(date.bytes, in: document, grammar: grammar, headerEnd: header()) else { continue }
            if documentDay.map({ value.first < $0.day }) ?? true { documentDay = (value.first, index) }
        }
        // One without its year (a wire dateline, "PARIS, Sept 23 (Reuters) -") is the last such
        // day up to the published date, else up to the publishing date the text states with its
        // year, else up to the reference: a story is dated no later than it is published (a
        // day later allowed, as a dateline's time zone may run ahead of the published date's).
        if let latest = (publishedDay ?? documentDay?.day ?? referenceDay)?.adding(days: 1) {
            for index in yearless {
                guard try isPublishingDate(found[index].bytes, in: document, grammar: grammar, headerEnd: header()),
                      let day = resolver.lastDay(found[index].parts, dayFirst: dayFirst, upTo: latest) else { continue }
                if documentDay.map({ day < $0.day }) ?? true { documentDay = (day, index) }
            }
        }
        let anchor = publishedDay ?? documentDay?.day ?? referenceDay
        var mentions: [DateMention] = []
        var documentDateIndex: Int?
        // Dates on boilerplate lines ("© 2024 Les Echos") are no mentions, though a
        // publishing date may be read from one.
        for (index, date) in found.enumerated() where document.isInBody(byte: date.bytes.lowerBound) {
            guard let resolution = resolver.resolve(date.parts, dayFirst: dayFirst, anchor: anchor) else { continue }
            var value = resolution.value
            if index == documentDay?.index, let day = documentDay?.day {
                documentDateIndex = mentions.count
                value = .day(day)  // a dateline without its year, as the document's date read it
            }
            mentions.append(DateMention(span: document.span(ofBytes: date.bytes), value: value?.iso, period: value?.period, relative: resolution.isRelative))
        }
        return Analysis(mentions: mentions, documentDate: documentDay?.day.iso, documentDateIndex: documentDateIndex)
    }

    /// Whether the date at `bytes` is given as the document's: a cue before it that starts
    /// its line or follows a byline separator ("By Jane Doe | Updated ..."), a dateline, or
    /// a header line holding nothing else but a handle or a time of day. A cue word in
    /// running text ("Microsoft published its results on ...") dates an event, not the
    /// document.
    private func isPublishingDate(_ bytes: Range<Int>, in document: TokenizedDocument, grammar: DateGrammar, headerEnd: Int) throws -> Bool {
        let buffer = document.buffer
        var lineStart = bytes.lowerBound
        while lineStart > 0 && buffer[byte: lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
        let before = TextBuffer(buffer.string(lineStart..<bytes.lowerBound))
        if let cue = grammar.documentDateCue, try cue.matches(in: before).contains(where: { Self.startsLabel(before.string(0..<$0.range.lowerBound)) }) { return true }
        let isHeaderLine = bytes.lowerBound < headerEnd
        if isHeaderLine, !before.text.isEmpty, try [grammar.dateline, grammar.byline].contains(where: { try $0?.firstMatch(in: before) != nil }) { return true }
        var lineEnd = bytes.upperBound
        while lineEnd < buffer.byteCount && buffer[byte: lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
        func isBare(_ text: String) -> Bool { text.allSatisfy { $0.isWhitespace || $0.isPunctuation } }
        let after = buffer.string(bytes.upperBound..<lineEnd)
        // An author's handle or a time of day may precede it ("@jdoe / 10:00 AM UTC • January 15, 2025").
        guard isHeaderLine, try isBare(before.text) || grammar.headerLineLead?.firstMatch(in: before) != nil else { return false }
        // A time of day or a reading time may follow the date ("March 4, 2025 at 10:15 AM").
        return try isBare(after) || grammar.headerLineRest?.firstMatch(in: TextBuffer(after)) != nil
    }

    /// The byte where the header ends: the start of the line after the first
    /// ``headerLines`` lines of the body that hold text.
    static func headerEnd(of document: TokenizedDocument) -> Int {
        let buffer = document.buffer
        // Line ends found eight bytes at a time (``Bytes`` SWAR masks): a test a byte cost
        // 4.2 M instructions per 1,000 Reuters stories (callgrind), most of a story being header.
        return buffer.withBytes { base in
            let text = UnsafeBufferPointer(start: base, count: buffer.byteCount)
            var lines = 0
            var lineStart = 0
            while lineStart < text.count {
                let lineEnd = Bytes.firstIndex(in: text, from: lineStart, to: text.count) { Bytes.bytes(of: $0, equalTo: UInt8(ascii: "\n")) }
                var first = lineStart
                while first < lineEnd && Bytes.isSpace(text[first]) { first += 1 }
                if first < lineEnd && document.isInBody(byte: first) {
                    lines += 1
                    if lines == headerLines { return lineEnd }
                }
                lineStart = lineEnd + 1
            }
            return text.count
        }
    }

    /// Whether a cue preceded by `prefix` on its line starts a label: nothing but spaces
    /// and punctuation before it, or a separator just before it.
    private static func startsLabel(_ prefix: String) -> Bool {
        prefix.allSatisfy { !$0.isLetter && !$0.isNumber } || prefix.last(where: { !$0.isWhitespace }).map("|·•–—".contains) == true
    }

    public func mentions(in document: TokenizedDocument, reference: String?) throws -> [DateMention] {
        try analyze(document, published: document.document.published, reference: reference).mentions
    }

    /// The date the document's text gives as its own, if any.
    public func documentDate(in document: TokenizedDocument, reference: String? = nil) throws -> String? {
        try analyze(document, published: nil, reference: reference).documentDate
    }
}
