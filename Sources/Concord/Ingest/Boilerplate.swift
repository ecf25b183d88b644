/// Finds the boilerplate lines of a page dump by the general rules of `Rules/boilerplate/`:
/// app banners, share and like buttons, comment prompts, "Similar Reads" and "Related"
/// headings, cookie and newsletter prompts, photo credits, author bios. A rule describes a
/// whole line (after any bullet), never a fragment, so a sentence of the article body that
/// merely mentions a newsletter or a photo stays. The document's ``Document/bodyRanges``
/// leave these lines out, so their numbers ("2 million industry professionals") never
/// become values.
public struct Boilerplate: Sendable {
    /// Every rule of every file in one multi-line pattern: one scan per document.
    private let combined: Pattern?
    /// The rules marked `heading: true` ("Related stories", "Mehr zum Thema") as whole
    /// lines: the teaser headlines listed right under such a heading are boilerplate too.
    private let headings: Pattern?
    /// The `labels:` of every file: how a label line starts ("By Jane Doe", "Pubblicato il
    /// 12 maggio 2025"), which is never the headline of a plain text.
    private let labels: Pattern?
    /// Tells the lines no rule can match, which the scan skips.
    private let filter: BoilerplateLineFilter?

    /// Compiles the `lines:` of every file in `Rules/boilerplate/`. Each rule is compiled on
    /// its own first, so an error names its file and line.
    public init(rules: RuleSet) throws {
        try self.init(files: rules.files(in: "boilerplate"))
    }

    init(files: [RuleFile]) throws {
        // Each rule's text as written, for the line filter; "(?:" and ")" around it in the pattern.
        var guarded: [String] = []
        var anyLength: [String] = []
        var headingRules: [String] = []
        var labelRules: [String] = []
        var origin = RuleOrigin.inline
        for file in files {
            for label in try file.root["labels"]?.list() ?? [] {
                _ = try label.pattern(caseless: true)
                labelRules.append("(?:" + (try label.string()) + ")")
            }
            for rule in try file.root.list("lines") {
                let node = rule["pattern"] ?? rule
                _ = try node.pattern(caseless: true)
                let text = try node.string()
                if rule["any_length"]?.scalar == "true" { anyLength.append(text) } else { guarded.append(text) }
                if rule["heading"]?.scalar == "true" { headingRules.append("(?:" + text + ")") }
                origin = node.origin
            }
        }
        labels = labelRules.isEmpty ? nil : try Pattern("^(?:" + labelRules.joined(separator: "|") + ")", caseless: true, origin: origin)
        guard !guarded.isEmpty || !anyLength.isEmpty else {
            combined = nil
            headings = nil
            filter = nil
            return
        }
        filter = BoilerplateLineFilter(guarded: guarded, anyLength: anyLength, bullets: Self.bullets)
        // A whole line: optional indentation and bullet, the rule, optional closing punctuation.
        // A line of 50 characters or more that ends in a word or a comma is running text
        // wrapped mid-sentence, never boilerplate: the lookahead spares it every rule
        // (``wrappedLineLength``) but the `any_length` ones ("Read more: <headline>", a row
        // of share buttons).
        let lead = "[ \\t]*+(?:[" + String(String.UnicodeScalarView(Self.bullets)) + "]++[ \\t]*+)?+"
        var branches: [String] = []
        if !guarded.isEmpty { branches.append("(?![^\\n]{\(Self.wrappedLineLength)}[^\\n]*+(?<=[\\p{L}\\p{N},;])$)" + lead + "(?:" + guarded.map { "(?:" + $0 + ")" }.joined(separator: "|") + ")") }
        if !anyLength.isEmpty { branches.append(lead + "(?:" + anyLength.map { "(?:" + $0 + ")" }.joined(separator: "|") + ")") }
        let close = "[ \\t]*+[.!:|»›>]*+[ \\t]*+$"
        let source = "(?m)^(?:" + branches.joined(separator: "|") + ")" + close
        do {
            combined = try Pattern(source, caseless: true, origin: origin)
            headings = headingRules.isEmpty ? nil : try Pattern("(?m)^" + lead + "(?:" + headingRules.joined(separator: "|") + ")" + close, caseless: true, origin: origin)
        } catch let error as PatternError {
            throw RuleError(origin: origin, message: "the boilerplate rules do not combine: \(error.message)")
        }
    }

    /// The marks a rule line may start with, after its indentation (a bullet: "• Share").
    static let bullets: [Unicode.Scalar] = ["-", "*", "•", "·", "▪", "►", "|", ">"]

    /// The byte ranges of the boilerplate lines of `buffer` (each line without its newline).
    /// `lists` are the byte ranges of the lists of an HTML page (``HTMLReader/Output/lists``):
    /// the list right under a related-content heading is a list of teasers, item for item.
    func lines(in buffer: TextBuffer, lists: [Range<Int>] = []) -> [Range<Int>] {
        guard let combined, let filter else { return [] }
        var found: [Range<Int>] = []
        // Only the runs of lines the filter lets through are scanned: a match is one whole
        // line, so it is found in a run that ends at the line's end as in the whole text.
        for run in Self.runs(of: buffer, filter: filter) {
            // A line that runs into the match limit is simply kept as body.
            try? combined.forEachMatch(in: buffer, from: run.lowerBound, to: run.upperBound) { match in
                if !match.range.isEmpty && !Self.continuesWrappedSentence(match.range, in: buffer) { found.append(match.range) }
                return true
            }
        }
        guard let headings else { return found }
        var teasers: [Range<Int>] = []
        // A heading is a boilerplate line too: only those are tried.
        for line in found {
            try? headings.forEachMatch(in: buffer, from: line.lowerBound, to: line.upperBound) { match in
                if match.range == line { teasers += Self.teasers(after: match.range, in: buffer, lists: lists) }
                return true
            }
        }
        guard !teasers.isEmpty else { return found }
        return Set(found + teasers).sorted { $0.lowerBound < $1.lowerBound }
    }

    /// The byte ranges of the runs of consecutive lines of `buffer` that `filter` lets
    /// through (each line taken without its newline): from the first line's start to the
    /// last one's end. The whole text where the filter does not apply to it.
    private static func runs(of buffer: TextBuffer, filter: BoilerplateLineFilter) -> [Range<Int>] {
        buffer.withBytes { bytes in
            guard BoilerplateLineFilter.filters(bytes, count: buffer.byteCount) else { return [0..<buffer.byteCount] }
            var runs: [Range<Int>] = []
            var runStart: Int?, runEnd = 0
            let text = UnsafeBufferPointer(start: bytes, count: buffer.byteCount)
            var lineStart = 0
            while lineStart <= buffer.byteCount {
                let lineEnd = Bytes.firstIndex(in: text, from: lineStart, to: text.count) { Bytes.bytes(of: $0, equalTo: UInt8(ascii: "\n")) }
                if filter.mayMatch(bytes, line: lineStart..<lineEnd) {
                    if runStart == nil { runStart = lineStart }
                    runEnd = lineEnd
                } else if let start = runStart {
                    runs.append(start..<runEnd)
                    runStart = nil
                }
                lineStart = lineEnd + 1
            }
            if let start = runStart { runs.append(start..<runEnd) }
            return runs
        }
    }

    /// The lines listed right under a related-content heading that read as headlines of
    /// other articles ("Lagerroboter: Pickwise erhält 11 Millionen Euro"): short lines that
    /// start in capitals or digits and do not end like a sentence, up to the first blank
    /// line or the first line that is not such a headline. A paragraph of the article after
    /// the heading ends in a full stop and stops the list; hard-wrapped prose (a line that
    /// goes on in lower case) drops nothing, so no body sentence is lost.
    ///
    /// In an HTML page, where every block stands apart, a list (`lists`: byte ranges) that
    /// starts right under the heading, or holds it, is the list of teasers: each of its lines
    /// goes, whatever it reads, up to the end of the list; the paragraphs after it stay.
    static func teasers(after heading: Range<Int>, in buffer: TextBuffer, lists: [Range<Int>] = []) -> [Range<Int>] {
        if !lists.isEmpty {
            var next = heading.upperBound
            while next < buffer.byteCount, Bytes.isSpace(buffer[byte: next]) { next += 1 }
            if let list = lists.first(where: { $0.contains(next) }) { return nonBlankLines(from: heading.upperBound + 1, to: list.upperBound, in: buffer) }
        }
        var lines: [Range<Int>] = []
        var start = heading.upperBound + 1  // past the heading's newline
        while start < buffer.byteCount, lines.count < maximumTeasers {
            var end = start
            while end < buffer.byteCount, buffer[byte: end] != UInt8(ascii: "\n") { end += 1 }
            var lower = start, upper = end
            while lower < upper, Bytes.isSpace(buffer[byte: lower]) { lower += 1 }
            while upper > lower, Bytes.isSpace(buffer[byte: upper - 1]) { upper -= 1 }
            let line = buffer.string(lower..<upper)
            guard let first = line.first, let last = line.last else { break }
            if first.isLowercase { return [] }
            guard line.unicodeScalars.count <= maximumTeaserLength, first.isUppercase || first.isNumber,
                  !".!;,:…\"”»".contains(last) else { break }
            lines.append(start..<end)
            start = end + 1
        }
        return lines
    }

    /// The lines of `buffer` that start from byte `start` up to byte `end`, each whole (up to
    /// its newline), blank ones left out.
    private static func nonBlankLines(from start: Int, to end: Int, in buffer: TextBuffer) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var lineStart = start
        while lineStart < end {
            var lineEnd = lineStart
            while lineEnd < buffer.byteCount, buffer[byte: lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            if (lineStart..<lineEnd).contains(where: { !Bytes.isSpace(buffer[byte: $0]) }) { lines.append(lineStart..<lineEnd) }
            lineStart = lineEnd + 1
        }
        return lines
    }

    /// The most teaser headlines taken under one heading.
    static let maximumTeasers = 12
    /// The longest line (in scalars) taken for a teaser headline.
    static let maximumTeaserLength = 160

    /// Whether the line at `range` is the tail of a sentence hard-wrapped from the line above
    /// ("... earnings of 12 cts a" / "share."): it starts in lower case after a line that
    /// ends without closing punctuation and is long or ends in a lower-case word. Such a
    /// line is body text whatever it reads.
    static func continuesWrappedSentence(_ range: Range<Int>, in buffer: TextBuffer) -> Bool {
        var first = range.lowerBound
        while first < range.upperBound, Bytes.isSpace(buffer[byte: first]) { first += 1 }
        guard first < range.upperBound, buffer[byte: first] &- 0x61 < 26, range.lowerBound > 0 else { return false }
        var previousEnd = range.lowerBound - 1  // the newline before the line
        while previousEnd > 0, Bytes.isSpace(buffer[byte: previousEnd - 1]) { previousEnd -= 1 }
        var previousStart = previousEnd
        while previousStart > 0, buffer[byte: previousStart - 1] != UInt8(ascii: "\n") { previousStart -= 1 }
        guard previousEnd > previousStart else { return false }
        let last = buffer[byte: previousEnd - 1]
        guard Bytes.isASCIILetter(last) || Bytes.isDigit(last) || last == UInt8(ascii: ",") || last == UInt8(ascii: "-") || last >= 0x80 else { return false }
        if previousEnd - previousStart >= wrappedLineLength { return true }
        // A short line ending in a lower-case word ("It declined to") runs on; a label in
        // title case ("News & Analysis") does not.
        var lastWord = previousEnd - 1
        while lastWord > previousStart, !Bytes.isSpace(buffer[byte: lastWord - 1]) { lastWord -= 1 }
        return buffer[byte: lastWord] &- 0x61 < 26
    }

    /// The length from which a line without closing punctuation is taken for running text
    /// wrapped mid-sentence (wire copy wraps at 60 to 70 columns).
    static let wrappedLineLength = 50

    /// Whether `line` starts like a label (a byline, a publishing line), never a headline.
    func isLabel(_ line: String) -> Bool {
        (try? labels?.firstMatch(in: TextBuffer(line))) != nil
    }

    /// Whether `line` as a whole is boilerplate.
    public func isBoilerplate(line: String) -> Bool {
        !lines(in: TextBuffer(line)).isEmpty
    }

    /// The scalar ranges of `buffer` outside its boilerplate `lines` (byte ranges, as
    /// ``lines(in:)`` finds them).
    static func bodyRanges(in buffer: TextBuffer, outside lines: [Range<Int>]) -> [Range<Int>] {
        var body: [Range<Int>] = []
        var start = 0
        for line in lines {
            let lower = buffer.scalarOffset(ofByte: line.lowerBound)
            if lower > start { body.append(start..<lower) }
            start = buffer.scalarOffset(ofByte: line.upperBound)
        }
        if buffer.scalarCount > start { body.append(start..<buffer.scalarCount) }
        return body
    }
}

/// Finds the headline of a plain text: the first substantial line that is not boilerplate,
/// not a label ("Last Updated : 28 Feb, 2024", "By Jane Doe", "Pubblicato il 12 maggio
/// 2025", as the boilerplate rules' `labels:` tell) and starts like a headline. A short line
/// in capitals that reads as a name ("THE DAILY TECH REVIEW": a few words, no figures, no
/// ticker) is a site's name where the next line is a headline in mixed case that stands
/// alone (a blank line, a byline or a label after it, or the end): that one is the headline.
/// A wire title in capitals over its story's first line stays the title.
enum TitleFinder {
    /// Lines looked at before giving up.
    static let maximumLines = 40

    /// The scalar range (in the cleaned text, which for plain text is the original's) of the
    /// title line, or nil.
    static func titleRange(in buffer: TextBuffer, boilerplate: [Range<Int>], rules: Boilerplate?) -> Range<Int>? {
        var lineStart = 0
        var looked = 0
        // A line in capitals that may be the site's name, and whether the line after it is
        // still to be looked at.
        var capitals: Range<Int>?
        while lineStart < buffer.byteCount, looked < maximumLines {
            var lineEnd = lineStart
            while lineEnd < buffer.byteCount, buffer[byte: lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            var lower = lineStart, upper = lineEnd
            while lower < upper, Bytes.isSpace(buffer[byte: lower]) { lower += 1 }
            while upper > lower, Bytes.isSpace(buffer[byte: upper - 1]) { upper -= 1 }
            if lower < upper {
                looked += 1
                let isBoilerplate = boilerplate.contains { $0.overlaps(lower..<upper) }
                let line = buffer.string(lower..<upper)
                let isTitle = !isBoilerplate && isHeadline(line) && rules?.isLabel(line) != true
                if let site = capitals {
                    let standsAlone = standsAlone(before: lineEnd, in: buffer, rules: rules)
                    let range = isTitle && line.contains(where: \.isLowercase) && standsAlone ? lower..<upper : site
                    return buffer.scalarRange(ofBytes: range)
                }
                if isTitle {
                    if line.contains(where: \.isLowercase) { return buffer.scalarRange(ofBytes: lower..<upper) }
                    guard readsAsAName(line) else { return buffer.scalarRange(ofBytes: lower..<upper) }
                    capitals = lower..<upper
                }
            }
            lineStart = lineEnd + 1
        }
        return capitals.map(buffer.scalarRange(ofBytes:))
    }

    /// Whether a line in capitals reads as a site's name, not a wire headline: at most
    /// ``siteNameWords`` words, no digit, no ticker in angle brackets.
    private static func readsAsAName(_ line: String) -> Bool {
        line.split(separator: " ").count <= siteNameWords && !line.contains { $0.isNumber || $0 == "<" }
    }

    /// The most words of a line in capitals taken for a site's name.
    static let siteNameWords = 6

    /// Whether the line that ends at the newline at byte `newline` stands alone as a
    /// headline: a blank line, a byline ("By Jane Doe"), a label line or the end of the text
    /// follows it, where a story's first line goes on.
    private static func standsAlone(before newline: Int, in buffer: TextBuffer, rules: Boilerplate?) -> Bool {
        var end = newline + 1
        while end < buffer.byteCount, buffer[byte: end] != UInt8(ascii: "\n") { end += 1 }
        guard newline + 1 < end else { return true }
        let next = buffer.string(newline + 1..<end).trimmingCharacters(in: .whitespaces)
        return next.isEmpty || next.hasPrefix("By ") || next.hasPrefix("BY ") || rules?.isLabel(next) == true
    }

    static func isHeadline(_ line: String) -> Bool {
        let scalars = line.unicodeScalars
        guard (12...300).contains(scalars.count), let first = scalars.first else { return false }
        guard first.properties.isUppercase || first.properties.numericType != nil || first == "\"" || first == "'" else { return false }
        let words = line.split(separator: " ").filter { $0.contains { $0.isLetter || $0.isNumber } }
        guard words.count >= 3 else { return false }
        if words[0] == "By" || words[0] == "BY" { return false }
        // "Last Updated : ...", "Published: ...": a short label before a colon, unless it is a
        // kicker over a headline ("Windkraft: Nordwind kauft Flügelwerk").
        if let colon = line.firstIndex(of: ":") {
            let label = line[..<colon].split(separator: " ")
            if label.count <= 3 && !(label.count <= 2 && isKickedHeadline(line[line.index(after: colon)...])) { return false }
        }
        // A headline has no closing stop; a line that ends like a sentence is body text.
        return !(line.hasSuffix(":") || line.hasSuffix(".") || line.hasSuffix(",") || line.hasSuffix(";"))
    }

    /// Whether the text after a kicker's colon reads as a headline rather than a label's
    /// value: at least three words, the first one capitalised and holding no digit (a date
    /// or a time follows a publishing label: "Stand: 12.03.2024"), no year and no second
    /// colon, and a word in lower case or at least ``kickedHeadlineWords`` words (a name
    /// follows an author label: "Written by: Jane Ann Doe").
    static func isKickedHeadline(_ rest: Substring) -> Bool {
        let words = rest.split(separator: " ")
        guard words.count >= 3, let first = words.first?.first, first.isUppercase, !words[0].contains(where: \.isNumber), !rest.contains(":") else { return false }
        let hasYear = words.contains { word in
            let digits = word.filter(\.isNumber)
            return digits.count == 4 && (digits.hasPrefix("19") || digits.hasPrefix("20"))
        }
        return !hasYear && (words.count >= kickedHeadlineWords || words.dropFirst().contains { $0.first?.isLowercase == true })
    }

    /// The fewest words after a kicker's colon that read as a headline without a word in lower case.
    static let kickedHeadlineWords = 5
}
