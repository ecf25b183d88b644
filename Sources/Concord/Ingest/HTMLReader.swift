import Foundation

/// Reads scraped HTML into the text extraction runs on, with an ``OffsetMap`` back into the
/// markup, so that a mention's span covers the source markup where it stands.
///
/// Drops what is not article text: comments, `script`, `style`, `nav`, `header` (but the
/// article's own, inside `<article>` or `<main>`, with its headline and byline), `footer`,
/// `aside`, `form` (and `noscript`, `template`, `svg`, `iframe`, `select`, `button`, and
/// AMP's components that hold no article text: `amp-sidebar`, `amp-ad` and the like) with
/// everything inside them, and any element a browser does not show (`hidden`, `style=
/// "display:none"`, `visibility:hidden`). Decodes every character reference. Keeps the layout the
/// tokenizer needs: a blank line between blocks (paragraphs, headings, list items), a line
/// break for `<br>`; other white space collapses to one space, as a browser shows it.
/// Gathers the metadata on the way: the language (`<html lang>`), the title (the `<h1>` that
/// is not the site's name, else `og:title`, else `<title>`, without the site's name after a
/// separator) and the publishing date (`article:published_time` and the like,
/// JSON-LD `datePublished`, else a `<time datetime>`: the one marked as the publishing time,
/// else the first in the article, else the first in the page's furniture, such as the date of
/// the day in a site's header), even from dropped elements.
struct HTMLReader {
    struct Output {
        var text: String
        var map: OffsetMap
        var title: String?
        var published: String?
        var language: LanguageTag?
        /// Whether a `<form>` was dropped with its content.
        var droppedForm = false
        /// The byte ranges of `text` that the outermost shown lists (`<ul>`, `<ol>`) hold:
        /// the items of a list under a "Related" heading are teasers whatever they read.
        var lists: [Range<Int>] = []
    }

    static func read(_ original: String) -> Output {
        let output = read(original, dropForms: true)
        // Some sites wrap the whole page in one <form> (ASP.NET): when dropping forms leaves
        // no text at all, the form was the page, so it is read again with forms kept.
        guard output.droppedForm && output.text.allSatisfy(\.isWhitespace) else { return output }
        return read(original, dropForms: false)
    }

    private static func read(_ original: String, dropForms: Bool) -> Output {
        var original = original
        return original.withUTF8 { bytes in
            var parser = HTMLParser(source: bytes, dropForms: dropForms)
            parser.run()
            return parser.output()
        }
    }
}

private struct HTMLParser {
    let source: UnsafeBufferPointer<UInt8>
    let dropForms: Bool
    private var droppedForm = false
    private var builder: CleanTextBuilder
    // Scalar offset of byte `cursorByte`, advanced forward only.
    private var cursorByte = 0
    private var cursorScalar = 0

    private var dropped: [String] = []
    private var preDepth = 0
    private var pendingBreak = 0
    private var pendingBreakOrigin = 0..<0
    private var pendingSpace: Range<Int>?

    private var language: LanguageTag?
    /// The text of each `<h1>` (up to ``maximumHeadings``), and whether it stood in a dropped
    /// element (a site's header, whose `<h1>` may be its logo).
    private var h1s: [(text: String, inFurniture: Bool)] = []
    private var capturingH1 = false
    private var titleTag: String?
    private var ogTitle: String?
    private var siteName: String?
    /// The page's address (`<link rel="canonical">`, else `og:url`): its host names the site.
    private var canonicalURL: String?
    private var ogURL: String?
    private var metaDate: String?
    private var jsonLDDate: String?
    private var timeDate: String?
    /// The first `<time>` marked as the publishing time, and the first in a dropped element
    /// outside the article (page furniture).
    private var markedTimeDate: String?
    private var furnitureTimeDate: String?
    /// How many `<article>` and `<main>` elements (outside dropped ones) are open.
    private var articleDepth = 0
    /// How many shown lists are open, where in the text the outermost one started, and the
    /// text ranges of the closed outermost ones.
    private var listDepth = 0
    private var listStart = 0
    private var lists: [Range<Int>] = []

    init(source: UnsafeBufferPointer<UInt8>, dropForms: Bool) {
        self.source = source
        self.dropForms = dropForms
        builder = CleanTextBuilder(capacity: source.count / 2)
    }

    /// Elements dropped with everything inside them: page furniture, scripts and embeds, and
    /// the AMP components that hold no article text (a sidebar menu, ads, analytics, consent
    /// and notification banners, share buttons).
    static let droppedElements: Set<String> = [
        "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template", "svg", "iframe", "select", "button", "object", "canvas",
        "amp-sidebar", "amp-ad", "amp-embed", "amp-sticky-ad", "amp-analytics", "amp-pixel", "amp-consent", "amp-user-notification",
        "amp-social-share", "amp-web-push-widget", "amp-install-serviceworker", "amp-geo",
    ]
    /// Elements whose content is raw text, not markup.
    static let rawTextElements: Set<String> = ["script", "style", "title", "textarea", "xmp", "noscript", "iframe", "noembed", "noframes"]
    /// Elements that start and end a block: a blank line in the text.
    static let blockElements: Set<String> = [
        "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "tr",
        "blockquote", "pre", "figure", "figcaption", "dl", "dt", "dd", "hr", "address", "details", "summary", "center",
        "body", "html", "head", "caption", "thead", "tbody", "tfoot", "fieldset", "legend", "menu", "picture",
    ]
    /// Elements that end a line: a line break in the text.
    static let lineElements: Set<String> = ["br", "td", "th"]

    mutating func run() {
        var index = 0
        var textStart = 0
        while index < source.count {
            let byte = source[index]
            if byte == UInt8(ascii: "<") {
                // The text before the markup goes first: the markup may start a block.
                text(textStart..<index)
                textStart = index
                if let end = markupEnd(at: index) {
                    index = end
                    textStart = end
                } else {
                    index += 1
                }
            } else if byte == UInt8(ascii: "&"), let (value, length) = HTMLEntities.decode(source, at: index) {
                text(textStart..<index)
                visible(value, origin: index..<index + length)
                index += length
                textStart = index
            } else {
                index += 1
            }
        }
        text(textStart..<source.count)
    }

    func output() -> HTMLReader.Output {
        let titles = [headline(), ogTitle.map(withoutSiteName), titleTag.map(withoutSiteName)].compactMap { $0.map(TextCleaning.collapseWhitespace) }
        let dates = [metaDate, jsonLDDate, markedTimeDate, timeDate, furnitureTimeDate].compactMap { $0.flatMap(PublishedDate.normalize) }
        let lists = listDepth > 0 ? self.lists + [listStart..<builder.bytes.count] : self.lists
        return HTMLReader.Output(text: builder.text, map: builder.map, title: titles.first { !$0.isEmpty }, published: dates.first, language: language, droppedForm: droppedForm, lists: lists)
    }

    /// The `<h1>` that gives the headline: not the site's name (a logo in an `<h1>`: the
    /// site's name by ``isSiteName(_:)``, or the short last segment of the `<title>` after a
    /// longer one), and of several, the one the `<title>` or `og:title` opens with, else the
    /// first outside the page's furniture, else the first.
    func headline() -> String? {
        let titles = [ogTitle, titleTag].compactMap { $0.map(TextCleaning.collapseWhitespace) }
        let segments = titles.flatMap { title in Self.separators.compactMap { Self.split(title, at: $0) } }
        func words(_ text: String) -> Int { text.split(separator: " ").count }
        let headings = h1s.map { (text: TextCleaning.collapseWhitespace($0.text), inFurniture: $0.inFurniture) }.filter { heading in
            let isLastSegment = words(heading.text) <= Self.siteNameWords && segments.contains { segment in
                Self.key(segment.suffix) == Self.key(heading.text) && words(segment.headline) > words(heading.text)
            }
            return !heading.text.isEmpty && !isSiteName(heading.text) && !isLastSegment
        }
        let opening = headings.first { heading in titles.contains { Self.key($0) == Self.key(heading.text) } || segments.contains { Self.key($0.headline) == Self.key(heading.text) } }
        return (opening ?? headings.first { !$0.inFurniture } ?? headings.first)?.text
    }

    /// A page title without the site's name after it ("Deal done | Example News", "Deal
    /// done - Example News" where the page names its site so): the last segment after a
    /// separator when it is the site's name (``isSiteName(_:)``), when the rest is an `<h1>`
    /// of the page, or when it follows " | " and is short.
    func withoutSiteName(_ title: String) -> String {
        for separator in Self.separators {
            guard let (headline, suffix) = Self.split(title, at: separator) else { continue }
            let headlineKey = Self.key(headline)
            let isSite = isSiteName(suffix) || (!headlineKey.isEmpty && h1s.contains { Self.key($0.text) == headlineKey })
                || (separator == " | " && suffix.split(separator: " ").count <= Self.siteNameWords)
            if isSite { return headline }
        }
        return title
    }

    /// What separates a page title from the site's name after it.
    static let separators = [" | ", " - ", " – ", " — ", " · "]

    /// `title` split at the last `separator`, the suffix with its white space collapsed; nil
    /// where the separator does not stand inside it.
    static func split(_ title: String, at separator: String) -> (headline: String, suffix: String)? {
        guard let range = title.range(of: separator, options: .backwards), range.lowerBound > title.startIndex, range.upperBound < title.endIndex else { return nil }
        return (String(title[..<range.lowerBound]), TextCleaning.collapseWhitespace(String(title[range.upperBound...])))
    }

    /// Whether `text` names the site: it is the `og:site_name`, or it spells the host of the
    /// page's address ("Example News", "ExampleNews.com" for www.example-news.com), letters
    /// and digits compared without case or accents.
    func isSiteName(_ text: String) -> Bool {
        let name = Self.key(text)
        guard !name.isEmpty else { return false }
        if let siteName, Self.key(siteName) == name { return true }
        guard let address = canonicalURL ?? ogURL, let host = URL(string: address.trimmingCharacters(in: .whitespaces))?.host?.lowercased() else { return false }
        var labels = host.split(separator: ".").map(String.init)
        if labels.count > 2, ["www", "m", "amp", "mobile"].contains(labels[0]) { labels.removeFirst() }
        let spellings = [labels.joined(), labels.dropLast().joined()] + labels.dropLast().filter { $0.count >= Self.shortestHostLabel }
        return spellings.contains { Self.key($0) == name }
    }

    /// The shortest label of a host name ("bbc" of news.bbc.co.uk) that may stand for the site.
    static let shortestHostLabel = 3

    /// Letters and digits of `text`, lower-cased and without accents: how names are compared.
    static func key(_ text: String) -> String {
        String(text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.map(Character.init))
    }

    /// The most `<h1>` elements read for the headline.
    static let maximumHeadings = 8

    /// The most words a " | " suffix of a title may have to be taken for the site's name.
    static let siteNameWords = 5

    // MARK: Offsets

    private mutating func scalarOffset(_ byte: Int) -> Int {
        while cursorByte < byte {
            if source[cursorByte] & 0xC0 != 0x80 { cursorScalar += 1 }
            cursorByte += 1
        }
        return cursorScalar
    }

    private mutating func scalarRange(_ bytes: Range<Int>) -> (start: Int, length: Int) {
        let start = scalarOffset(bytes.lowerBound)
        return (start, scalarOffset(bytes.upperBound) - start)
    }

    // MARK: Text

    /// A run of character data between markup: white space collapses unless in `<pre>`.
    private mutating func text(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        if capturingH1 { h1s[h1s.count - 1].text += String(decoding: source[range], as: UTF8.self) }
        guard dropped.isEmpty else { return }
        if preDepth > 0 {
            flushPending()
            let start = scalarOffset(range.lowerBound)
            builder.copy(source, range: range, originalStart: start)
            return
        }
        var index = range.lowerBound
        while index < range.upperBound {
            if Bytes.isSpace(source[index]) {
                var end = index + 1
                while end < range.upperBound, Bytes.isSpace(source[end]) { end += 1 }
                if let pending = pendingSpace { pendingSpace = pending.lowerBound..<end } else { pendingSpace = index..<end }
                index = end
            } else {
                var end = index + 1
                while end < range.upperBound, !Bytes.isSpace(source[end]) { end += 1 }
                flushPending()
                builder.copy(source, range: index..<end, originalStart: scalarOffset(index))
                index = end
            }
        }
    }

    /// Decoded text standing for the markup `origin` (a character reference).
    private mutating func visible(_ value: String, origin: Range<Int>) {
        if capturingH1 { h1s[h1s.count - 1].text += value }
        guard dropped.isEmpty else { return }
        flushPending()
        let (start, length) = scalarRange(origin)
        builder.replace(with: value, originalStart: start, originalLength: length)
    }

    /// Writes the break or space waiting before the next visible text.
    private mutating func flushPending() {
        defer {
            pendingBreak = 0
            pendingSpace = nil
        }
        guard builder.lastByte != nil else { return }
        if pendingBreak > 0 {
            let (start, length) = scalarRange(pendingBreakOrigin)
            builder.replace(with: pendingBreak == 2 ? "\n\n" : "\n", originalStart: start, originalLength: length)
        } else if let space = pendingSpace {
            let (start, length) = scalarRange(space)
            builder.replace(with: " ", originalStart: start, originalLength: length)
        }
    }

    private mutating func requestBreak(_ level: Int, origin: Range<Int>) {
        guard dropped.isEmpty, level >= pendingBreak else { return }
        pendingBreak = level
        pendingBreakOrigin = origin
    }

    // MARK: Markup

    /// Handles the markup starting with the `<` at `index`; returns where it ends, or nil
    /// when the `<` is literal text.
    private mutating func markupEnd(at index: Int) -> Int? {
        guard index + 1 < source.count else { return nil }
        let next = source[index + 1]
        if next == UInt8(ascii: "!") {
            if starts(with: "<!--", at: index) { return find("-->", from: index + 4).map { $0 + 3 } ?? source.count }
            if starts(with: "<![CDATA[", at: index) { return find("]]>", from: index + 9).map { $0 + 3 } ?? source.count }
            return tagEnd(from: index + 2)
        }
        if next == UInt8(ascii: "?") { return tagEnd(from: index + 2) }
        let isEnd = next == UInt8(ascii: "/")
        let nameStart = isEnd ? index + 2 : index + 1
        guard nameStart < source.count, Bytes.isASCIILetter(source[nameStart]) else { return nil }
        var nameEnd = nameStart
        while nameEnd < source.count, !Bytes.isSpace(source[nameEnd]), source[nameEnd] != UInt8(ascii: ">"), source[nameEnd] != UInt8(ascii: "/") { nameEnd += 1 }
        let name = String(decoding: source[nameStart..<nameEnd], as: UTF8.self).lowercased()
        let end = tagEnd(from: nameEnd)
        if isEnd {
            endTag(name, origin: index..<end)
            return end
        }
        let attributes = Self.wantsAttributes.contains(name) || mayHide(nameEnd..<end) ? parseAttributes(nameEnd..<end) : [:]
        return startTag(name, attributes: attributes, origin: index..<end)
    }

    private static let wantsAttributes: Set<String> = ["html", "meta", "time", "script", "link"]
    /// Elements that have no end tag.
    private static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]

    /// Whether the attributes in `range` may hide the element: they spell `hidden` or
    /// `none` somewhere (a quick test, so that most tags are not parsed).
    private func mayHide(_ range: Range<Int>) -> Bool {
        contains("hidden", in: range) || contains("none", in: range)
    }

    private func contains(_ word: String, in range: Range<Int>) -> Bool {
        let pattern = Array(word.utf8)
        guard range.count >= pattern.count else { return false }
        return (range.lowerBound...(range.upperBound - pattern.count)).contains { start in
            pattern.indices.allSatisfy { (source[start + $0] | 0x20) == pattern[$0] }
        }
    }

    /// Whether an element with `attributes` is not shown: the `hidden` attribute, or a style
    /// of `display: none` or `visibility: hidden`.
    static func isHidden(_ attributes: [String: String]) -> Bool {
        if attributes["hidden"] != nil { return true }
        guard let style = attributes["style"]?.lowercased().filter({ !$0.isWhitespace }) else { return false }
        return style.contains("display:none") || style.contains("visibility:hidden")
    }

    private mutating func startTag(_ name: String, attributes: [String: String], origin: Range<Int>) -> Int {
        let selfClosing = origin.upperBound >= 2 && source[origin.upperBound - 2] == UInt8(ascii: "/")
        switch name {
        case "html": language = language ?? attributes["lang"].flatMap(LanguageTag.init)
        case "meta": readMeta(attributes)
        case "time": noteTime(attributes)
        case "h1" where h1s.count < Self.maximumHeadings:
            h1s.append(("", !dropped.isEmpty))
            capturingH1 = true
        case "link" where canonicalURL == nil && attributes["rel"]?.lowercased().split(separator: " ").contains("canonical") == true:
            canonicalURL = attributes["href"]
        default: break
        }
        if name == "article" || name == "main", dropped.isEmpty, !selfClosing { articleDepth += 1 }
        if Self.rawTextElements.contains(name) {
            let contentEnd = findClosingTag(name, from: origin.upperBound)
            let content = origin.upperBound..<contentEnd
            if name == "title", titleTag == nil { titleTag = decodeAll(content) }
            if name == "script", attributes["type"]?.lowercased().contains("ld+json") == true {
                jsonLDDate = jsonLDDate ?? Self.jsonString(after: "\"datePublished\"", in: source[content])
            }
            if !Self.droppedElements.contains(name) && name != "title" { requestBreak(1, origin: origin) }
            return min(tagEnd(from: contentEnd), source.count)
        }
        if !selfClosing, let last = dropped.last, last == name {
            // The same element nested in a dropped one: its end tag must not end the drop.
            dropped.append(name)
        } else if Self.droppedElements.contains(name) && !selfClosing && (dropForms || name != "form") && !isArticleHeader(name) {
            if name == "form" { droppedForm = true }
            dropped.append(name)
        } else if Self.isHidden(attributes), !selfClosing, !Self.voidElements.contains(name), findClosingTag(name, from: origin.upperBound) < source.count {
            dropped.append(name)
        } else if Self.blockElements.contains(name) {
            requestBreak(2, origin: origin)
        } else if Self.lineElements.contains(name) {
            requestBreak(1, origin: origin)
        }
        if name == "pre" && !selfClosing { preDepth += 1 }
        if name == "ul" || name == "ol", dropped.isEmpty, !selfClosing {
            if listDepth == 0 { listStart = builder.bytes.count }
            listDepth += 1
        }
        return origin.upperBound
    }

    /// Whether the element `name` starting here is the header of the article (a `<header>`
    /// inside a shown `<article>` or `<main>`): its headline and byline ("By Jo Kim |
    /// Published 3 March 2024") are the article's, not the site's furniture, so it stays.
    private func isArticleHeader(_ name: String) -> Bool {
        name == "header" && articleDepth > 0 && dropped.isEmpty
    }

    private mutating func endTag(_ name: String, origin: Range<Int>) {
        if name == "h1" { capturingH1 = false }
        if let last = dropped.lastIndex(of: name) {
            dropped.removeSubrange(last...)
            return
        }
        if name == "article" || name == "main", dropped.isEmpty { articleDepth = max(0, articleDepth - 1) }
        if name == "pre" { preDepth = max(0, preDepth - 1) }
        if name == "ul" || name == "ol", dropped.isEmpty, listDepth > 0 {
            listDepth -= 1
            if listDepth == 0 { lists.append(listStart..<builder.bytes.count) }
        }
        if Self.blockElements.contains(name) { requestBreak(2, origin: origin) } else if Self.lineElements.contains(name) { requestBreak(1, origin: origin) }
    }

    /// A `<time datetime>`: one marked as the publishing time (`itemprop="datePublished"`,
    /// `pubdate`, a class starting with `publish`), one in the article or outside page
    /// furniture, or one in furniture (a header's date of the day, a sidebar's teasers).
    private mutating func noteTime(_ attributes: [String: String]) {
        guard let value = attributes["datetime"] else { return }
        let classes = attributes["class"]?.lowercased().split(separator: " ") ?? []
        if attributes["itemprop"]?.lowercased() == "datepublished" || attributes["pubdate"] != nil || classes.contains(where: { $0.hasPrefix("publish") }) {
            markedTimeDate = markedTimeDate ?? value
        } else if dropped.isEmpty || articleDepth > 0 {
            timeDate = timeDate ?? value
        } else {
            furnitureTimeDate = furnitureTimeDate ?? value
        }
    }

    private mutating func readMeta(_ attributes: [String: String]) {
        guard let content = attributes["content"] else { return }
        let key = (attributes["property"] ?? attributes["name"] ?? attributes["itemprop"] ?? "").lowercased()
        switch key {
        case "og:title", "twitter:title":
            ogTitle = ogTitle ?? content
        case "og:site_name", "application-name":
            siteName = siteName ?? content
        case "og:url":
            ogURL = ogURL ?? content
        case "article:published_time", "og:article:published_time", "article:published", "datepublished", "pubdate", "publishdate", "publish-date", "publish_date",
             "publication_date", "date", "dc.date", "dc.date.issued", "dc.date.created", "dcterms.issued", "dcterms.created", "sailthru.date", "parsely-pub-date":
            metaDate = metaDate ?? content
        default:
            break
        }
    }

    // MARK: Scanning helpers

    private func starts(with literal: StaticString, at index: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= source.count else { return false }
        let pointer = literal.utf8Start
        for offset in 0..<count where (source[index + offset] | 0x20) != (pointer[offset] | 0x20) { return false }
        return true
    }

    private func find(_ literal: StaticString, from start: Int) -> Int? {
        var index = start
        while index < source.count {
            if starts(with: literal, at: index) { return index }
            index += 1
        }
        return nil
    }

    /// Where the tag whose name or attributes start at `index` ends (just past its `>`);
    /// quoted attribute values may hold `>`.
    private func tagEnd(from index: Int) -> Int {
        var cursor = index
        var quote: UInt8?
        while cursor < source.count {
            let byte = source[cursor]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: ">") {
                return cursor + 1
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            }
            cursor += 1
        }
        // An unclosed quote: end at the first `>` after all.
        var plain = index
        while plain < source.count, source[plain] != UInt8(ascii: ">") { plain += 1 }
        return min(plain + 1, source.count)
    }

    /// Where `</name` starts after a raw-text element's content (or the end of the source).
    private func findClosingTag(_ name: String, from start: Int) -> Int {
        let pattern = Array(("</" + name).utf8)
        var index = start
        while index + pattern.count <= source.count {
            if source[index] == UInt8(ascii: "<") {
                var matches = true
                for offset in 1..<pattern.count where (source[index + offset] | 0x20) != pattern[offset] {
                    matches = false
                    break
                }
                if matches { return index }
            }
            index += 1
        }
        return source.count
    }

    private func parseAttributes(_ range: Range<Int>) -> [String: String] {
        var attributes: [String: String] = [:]
        var index = range.lowerBound
        let end = range.upperBound
        func isNameByte(_ byte: UInt8) -> Bool { !Bytes.isSpace(byte) && byte != UInt8(ascii: "=") && byte != UInt8(ascii: ">") && byte != UInt8(ascii: "/") }
        while index < end {
            while index < end, !isNameByte(source[index]) { index += 1 }
            let nameStart = index
            while index < end, isNameByte(source[index]) { index += 1 }
            guard index > nameStart else { break }
            let name = String(decoding: source[nameStart..<index], as: UTF8.self).lowercased()
            while index < end, Bytes.isSpace(source[index]) { index += 1 }
            var value = ""
            if index < end, source[index] == UInt8(ascii: "=") {
                index += 1
                while index < end, Bytes.isSpace(source[index]) { index += 1 }
                if index < end, source[index] == UInt8(ascii: "\"") || source[index] == UInt8(ascii: "'") {
                    let quote = source[index]
                    let valueStart = index + 1
                    index = valueStart
                    while index < end, source[index] != quote { index += 1 }
                    value = decodeAll(valueStart..<index)
                    index += 1
                } else {
                    let valueStart = index
                    while index < end, !Bytes.isSpace(source[index]), source[index] != UInt8(ascii: ">") { index += 1 }
                    value = decodeAll(valueStart..<index)
                }
            }
            if attributes[name] == nil { attributes[name] = value }
        }
        return attributes
    }

    /// The text of `range` with its character references decoded.
    private func decodeAll(_ range: Range<Int>) -> String {
        var result = ""
        var index = range.lowerBound
        var runStart = index
        while index < range.upperBound {
            if source[index] == UInt8(ascii: "&"), let (value, length) = HTMLEntities.decode(UnsafeBufferPointer(rebasing: source[..<range.upperBound]), at: index) {
                result += String(decoding: source[runStart..<index], as: UTF8.self) + value
                index += length
                runStart = index
            } else {
                index += 1
            }
        }
        return result + String(decoding: source[runStart..<range.upperBound], as: UTF8.self)
    }

    /// The string value after `"key"` and a colon in JSON text (JSON-LD), if it is a plain string.
    static func jsonString(after key: String, in slice: Slice<UnsafeBufferPointer<UInt8>>) -> String? {
        let pattern = Array(key.utf8)
        var index = slice.startIndex
        while index + pattern.count <= slice.endIndex {
            if slice[index] == pattern[0], slice[index..<index + pattern.count].elementsEqual(pattern) { break }
            index += 1
        }
        guard index + pattern.count <= slice.endIndex else { return nil }
        index += pattern.count
        func skipSpace() { while index < slice.endIndex, Bytes.isSpace(slice[index]) { index += 1 } }
        skipSpace()
        guard index < slice.endIndex, slice[index] == UInt8(ascii: ":") else { return nil }
        index += 1
        skipSpace()
        guard index < slice.endIndex, slice[index] == UInt8(ascii: "\"") else { return nil }
        let valueStart = index + 1
        guard let close = slice[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        return String(decoding: slice[valueStart..<close], as: UTF8.self)
    }
}
