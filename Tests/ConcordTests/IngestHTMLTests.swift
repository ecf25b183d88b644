import Foundation
import Testing
@testable import Concord

/// Scraped HTML and JSON Lines documents.
@Suite struct IngestHTMLTests {
    static let page = """
    <!DOCTYPE html>
    <html lang="en-GB"><head><title>Deal | Example News</title>
    <meta property="og:title" content="Microsoft &amp; Mistral">
    <meta property="article:published_time" content="2024-02-27T08:00:00Z">
    <style>p { margin: 0 }</style><script>var total = "91 million";</script></head>
    <body><nav><a href="/">Home</a> <a>Join 92 million readers</a></nav>
    <header><h1>Microsoft&rsquo;s <b>$16</b>&nbsp;Million Bet</h1></header>
    <article><p>Microsoft made a <b>&euro;15 million</b> (about $16.3&#xA0;million)
       investment.</p><!-- 93 million in a comment -->
    <ul><li>First point</li><li>Second point</li></ul>
    <p>AT&T &notanentity; x&lt;y &copy 2024 &#128512; &#150; &#0;</p>
    <aside>Related: 94 million</aside><form><input value="95 million"></form>
    <footer>© 2024 Example 96 million</footer></article></body></html>
    """

    func html(_ text: String) throws -> Document {
        try DocumentReader().decode(Data(text.utf8), input: Input(kind: .file, path: "page.html", id: "page")).get()
    }

    @Test func dropsWhatIsNotArticleText() throws {
        let text = try html(Self.page).text
                for dropped in ["91 million", "92 million", "93 million", "94 million", "95 million", "96 million", "Home", "margin", "Example News"] {
            #expect(!text.contains(dropped), "\(dropped) should be dropped")
        }
        #expect(text.contains("Microsoft made a €15 million (about $16.3 million) investment."))
    }

    /// What a browser does not show is no article text, nested blocks and all; a hidden
    /// element that is never closed, or a void one, drops nothing after it.
    @Test func dropsHiddenElements() throws {
        let page = """
            <html><body><article><p>Vantor Labs will buy Kelpie AI for $90 million.</p>
            <p hidden>Hidden: $7 million</p>
            <div style="display: none"><div>Nested: $8 million</div><p>Still hidden: $9 million</p></div>
            <span style="VISIBILITY:hidden">$10 million</span><img hidden src="x.jpg">
            <p>The deal closes in the third quarter.</p><p aria-hidden="true" class="none">Shown: 40%</p>
            <div hidden>Unclosed: $11 million
            </article></body></html>
            """
        let text = try html(page).text
        #expect(text == "Vantor Labs will buy Kelpie AI for $90 million.\n\nThe deal closes in the third quarter.\n\nShown: 40%\n\nUnclosed: $11 million")
    }

    /// "&not" is one of the legacy names a browser decodes without its ";".
    @Test func keepsBlocksApartAndDecodesEveryReference() throws {
        let text = try html(Self.page).text
        #expect(text == """
        Microsoft made a €15 million (about $16.3 million) investment.

        First point

        Second point

        AT&T ¬anentity; x<y © 2024 😀 – \u{FFFD}
        """)
    }

    @Test func namedReferencesComeFromTheFullTable() throws {
        #expect(HTMLEntities.named.count == 2231)
        #expect(try html("<p>&Aacute;&aacute; &CounterClockwiseContourIntegral; &fjlig; &nbsp;&mdash;&hellip;&euro;&pound;&yen;</p>").text == "Áá ∳ fj  —…€£¥")
    }

    @Test func metadataFromTheMarkup() throws {
        let document = try html(Self.page)
        #expect(document.title == "Microsoft’s $16 Million Bet")
        #expect(document.published == "2024-02-27")
        #expect(document.language == LanguageTag("en-GB"))
        let noHeading = try html("<html><head><title>Only &amp; title</title><meta name=\"twitter:title\" content=\"Social title\"></head><body><p>x</p></body></html>")
        #expect(noHeading.title == "Social title")
        let titleOnly = try html("<html><head><title> Only &amp;\n title </title></head><body><p>x</p></body></html>")
        #expect(titleOnly.title == "Only & title")
        // The site's name after the headline is no part of it; a dash inside a headline stays.
        let piped = try html("<html><head><title>Vantor Labs buys Kelpie AI for $90 million | Example Tech News</title></head><body><p>x</p></body></html>")
        #expect(piped.title == "Vantor Labs buys Kelpie AI for $90 million")
        let named = try html("<html><head><meta property=\"og:site_name\" content=\"Example Tech\"><meta property=\"og:title\" content=\"Vantor Labs buys Kelpie AI – Example Tech\"></head><body><p>x</p></body></html>")
        #expect(named.title == "Vantor Labs buys Kelpie AI")
        let dashed = try html("<html><head><title>Vantor Labs buys Kelpie AI - sources</title></head><body><p>x</p></body></html>")
        #expect(dashed.title == "Vantor Labs buys Kelpie AI - sources")
    }

    /// The site's name after a separator is no part of the title where the page's address
    /// spells it, or where an `<h1>` gives the headline without it; a logo in an `<h1>` (the
    /// site's name) is no headline.
    @Test func siteNameAfterTheTitleByHostOrHeading() throws {
        let byCanonical = try html("""
            <html><head><title>Vantor Labs buys Kelpie AI - Example News</title><link rel="canonical" href="https://www.example-news.com/tech/vantor"></head><body><p>x</p></body></html>
            """)
        #expect(byCanonical.title == "Vantor Labs buys Kelpie AI")
        let byOGURL = try html("""
            <html><head><meta property="og:url" content="https://lemonde.fr/eco/a.html"><meta property="og:title" content="Vantor rachète Kelpie — Le Monde"></head><body><p>x</p></body></html>
            """)
        #expect(byOGURL.title == "Vantor rachète Kelpie")
        let otherHost = try html("""
            <html><head><title>Vantor Labs buys Kelpie AI - sources</title><link rel="canonical" href="https://www.example-news.com/a"></head><body><p>x</p></body></html>
            """)
        #expect(otherHost.title == "Vantor Labs buys Kelpie AI - sources")
        let logo = try html("""
            <html><head><title>Vantor Labs buys Kelpie AI - Daily Tech Review</title></head><body><header><h1><a href="/">Daily Tech Review</a></h1></header>
            <article><h1>Vantor Labs buys Kelpie AI</h1><p>x</p></article></body></html>
            """)
        #expect(logo.title == "Vantor Labs buys Kelpie AI")
        let logoByHost = try html("""
            <html><head><title>Vantor Labs buys Kelpie AI</title><link rel="canonical" href="https://dailytechreview.com/a"></head><body><h1>DailyTechReview</h1><p>x</p></body></html>
            """)
        #expect(logoByHost.title == "Vantor Labs buys Kelpie AI")
        let hidden = try html("""
            <html><head><title>Vantor Labs buys Kelpie AI - Daily Tech Review</title></head><body><h1 style="display:none">Vantor Labs buys Kelpie AI</h1><p>x</p></body></html>
            """)
        #expect(hidden.title == "Vantor Labs buys Kelpie AI")
        let siteFirst = try html("""
            <html><head><title>Daily Tech Review - Vantor buys Kelpie</title></head><body><h1>Vantor buys Kelpie</h1><p>x</p></body></html>
            """)
        #expect(siteFirst.title == "Vantor buys Kelpie")
    }

    @Test func publishedFromJSONLDOrTime() throws {
        let jsonLD = try html(#"<html><script type="application/ld+json">{"@type":"NewsArticle","datePublished" : "2024-02-26T10:00:00Z"}</script><p>Hi <time datetime="2023-01-01">then</time></p></html>"#)
        #expect(jsonLD.published == "2024-02-26")
        let time = try html(#"<html><p>Posted <time datetime="2024-03-01T09:00">March 1</time></p></html>"#)
        #expect(time.published == "2024-03-01")
    }

    @Test func spansPointIntoTheMarkup() throws {
        let document = try html(Self.page)
        let tokenized = try Tokenizer(rules: Fixtures.rules).tokenize(document)
        let cleanedBytes = try #require(document.text.utf8.firstRange(of: "€15 million".utf8))
        let start = document.text.utf8.distance(from: document.text.utf8.startIndex, to: cleanedBytes.lowerBound)
        let span = tokenized.span(ofBytes: start..<start + "€15 million".utf8.count)
        let original = Array(document.original.unicodeScalars)
        #expect(String(String.UnicodeScalarView(original[span.start..<span.end])) == "&euro;15 million")
        #expect(span.text == "€15 million")
        #expect(span.line == 8)
    }

    @Test func aPageWrappedInOneFormKeepsItsText() throws {
        let page = "<html><body><form id=\"aspnetForm\"><nav>Menu</nav><p>Acme paid $5 million.</p><input name=\"q\"></form></body></html>"
        #expect(try html(page).text == "Acme paid $5 million.")
        #expect(try html("<p>Story.</p><form><p>Sign up: 3 million readers</p></form>").text == "Story.")
    }

    /// The money of a page read with the boilerplate rules, as the record lists it.
    func money(ofPage page: String) throws -> [String] {
        let document = try DocumentReader(rules: Fixtures.rules).decode(Data(page.utf8), input: Input(kind: .file, path: "page.html", id: "page")).get()
        return try Extraction(rules: Fixtures.rules).record(for: document).money.map(\.text)
    }

    /// The list right under a related-content heading is a list of teasers, whatever its
    /// items read (a headline ending in a full stop, a summary with a sum), in each language;
    /// the paragraphs after the list are the article's again.
    @Test(arguments: [
        ("<h2>Related</h2>", "Helix Ventures raised a $300 million fund.", "Pickwise raises $12 million",
         "Nordlicht Robotics raised $5 million in March.", "The company plans to hire 40 engineers for $7 million.", ["$5 million", "$7 million"]),
        ("<h3>Lesen Sie auch</h3>", "Pickwise erhält 11 Millionen Euro.", "KI-Start-ups sammeln 2 Milliarden Euro ein",
         "Nordlicht Robotics erhielt im März 5 Millionen Euro.", "Das Unternehmen will 7 Millionen Euro investieren.", ["5 Millionen Euro", "7 Millionen Euro"]),
        ("<p><strong>À lire aussi</strong></p>", "Verdane lève 300 millions d'euros.", "Pickwise lève 12 millions d'euros",
         "Nordlicht Robotics a levé 5 millions d'euros en mars.", "L'entreprise veut investir 7 millions d'euros.", ["5 millions d'euros", "7 millions d'euros"]),
        ("<h2>Te puede interesar</h2>", "Cabify recauda 300 millones de euros.", "Pickwise capta 12 millones de euros",
         "Nordlicht Robotics recaudó 5 millones de euros en marzo.", "La empresa invertirá 7 millones de euros.", ["5 millones de euros", "7 millones de euros"]),
        ("<div class=\"title\">Leggi anche</div>", "Verdemare raccoglie 18 milioni di euro.", "Pickwise raccoglie 12 milioni di euro",
         "Nordlicht Robotics ha raccolto 5 milioni di euro a marzo.", "La società investirà 7 milioni di euro.", ["5 milioni di euro", "7 milioni di euro"]),
    ])
    func theListUnderARelatedHeadingIsTeasers(heading: String, teaser: String, secondTeaser: String, before: String, after: String, money: [String]) throws {
        let page = """
            <html><body><article><p>\(before)</p>
            \(heading)
            <ul><li><a href="/a">\(teaser)</a></li>
            <li><a href="/b">\(secondTeaser)</a><ul><li>\(teaser)</li></ul></li></ul>
            <p>\(after)</p></article></body></html>
            """
        #expect(try self.money(ofPage: page) == money)
    }

    /// A related heading may be the first item of its list; a list under any other heading is
    /// the article's.
    @Test func aListOfTheArticleStays() throws {
        let inList = "<p>Acme paid $5 million.</p><ul><li><b>Related stories</b></li><li>Pickwise raises $12 million</li></ul><p>Acme hired 40 people for $7 million.</p>"
        #expect(try money(ofPage: inList) == ["$5 million", "$7 million"])
        let article = "<p>Acme paid $5 million.</p><h2>Key figures</h2><ul><li>Revenue: $12 million</li></ul><p>Acme hired 40 people for $7 million.</p>"
        #expect(try money(ofPage: article) == ["$5 million", "$12 million", "$7 million"])
    }

    /// AMP's sidebar menu and ads are no article text.
    @Test func ampFurnitureIsDropped() throws {
        let page = """
            <html amp><body><amp-sidebar id="menu" layout="nodisplay"><ul><li>Markets: $2 billion</li></ul></amp-sidebar>
            <amp-ad width="300" height="250" type="doubleclick"><div fallback>Ad worth $3 million</div></amp-ad>
            <article><p>Acme paid $5 million.</p></article></body></html>
            """
        #expect(try html(page).text == "Acme paid $5 million.")
    }

    @Test func preformattedTextKeepsItsLines() throws {
        #expect(try html("<p>a   b</p><pre>x  1\ny  2</pre>").text == "a b\n\nx  1\ny  2")
    }

    // MARK: JSON Lines

    func jsonLines(_ lines: String, path: String = "feed.jsonl") throws -> [Result<Document, InputFailure>] {
        let folder = try TemporaryFolder()
        try folder.write(path, lines)
        let input = Input(kind: .file, path: folder.path(path), id: "feed")
        let reader = DocumentReader()
        return reader.units(for: [.success(input)]).map { unit in unit.flatMap { reader.document(from: $0) } }
    }

    /// A feed that stores Unix times: the document is dated by it, not dropped.
    @Test func jsonLinesPublishedAsUnixTime() throws {
        let results = try jsonLines(#"{"id": "x", "text": "Acme raised $5 million.", "published": 1709028000123}"# + "\n")
        let document = try #require(try results.first?.get())
        #expect(document.published == "2024-02-27")
        #expect(document.warnings.isEmpty)
    }

    @Test func jsonLinesDocuments() throws {
        let results = try jsonLines("""
        {"id": "a1", "title": "  Deal\\n done ", "published": "2024-02-27T10:00:00Z", "text": "Microsoft\\u2019s \\u20ac15 million \\ud83d\\ude00\\r\\nline", "topics": ["x", {"y": [1, 2.5e3, true, null]}], "language": "fr-CA"}
        {"text": "No id here.", "url": "https://example.com/a"}\r

        {"text": "Bad date.", "published": "last week", "language": "not a tag!"}
        """)
        #expect(results.count == 3)
        let first = try results[0].get()
        #expect(first.id == "a1" && first.title == "Deal done" && first.published == "2024-02-27" && first.format == .jsonl)
        #expect(first.original == "Microsoft’s €15 million 😀\r\nline")
        #expect(first.language == LanguageTag("fr-CA"))
        let second = try results[1].get()
        #expect(second.id == "feed#2" && second.title == nil)
        let third = try results[2].get()
        #expect(third.id == "feed#4" && third.published == nil)
        #expect(third.warnings.map(\.code) == ["published", "language"])
    }

    @Test func brokenJSONLinesAreNamedByLine() throws {
        let results = try jsonLines("""
        {"text": "ok"}
        {"title": "no text"}
        {"text": "unterminated}
        not json
        {"text": 12}
        {"text": "ok"} trailing
        """)
        let reasons = results.map { result -> String in
            switch result {
            case .success: return "ok"
            case let .failure(failure): return failure.description
            }
        }
        let path = reasons[1].components(separatedBy: ":2:").first ?? ""
        #expect(reasons[0] == "ok")
        #expect(reasons[1] == "\(path):2: no \"text\" field: a document line needs {\"text\": ...}")
        #expect(reasons[2] == "\(path):3: invalid JSON at column 24: expected a closing quote, found the end of the line")
        #expect(reasons[3] == "\(path):4: invalid JSON at column 1: expected a JSON object, found 'not json'")
        #expect(reasons[4] == "\(path):5: \"text\" must be a string")
        #expect(reasons[5].hasPrefix("\(path):6: invalid JSON at column 16: expected the end of the line"))
    }

    @Test func aJSONLineInWindows1252IsReadWithAWarning() throws {
        let folder = try TemporaryFolder()
        try folder.write("feed.jsonl", bytes: Array(#"{"text": "Caf"#.utf8) + [0xE9] + Array(#" paid "#.utf8) + [0x80] + Array(#"5m"}"#.utf8) + [0x0A])
        let reader = DocumentReader()
        let results = reader.units(for: [.success(Input(kind: .file, path: folder.path("feed.jsonl"), id: "feed"))]).map { $0.flatMap(reader.document(from:)) }
        let document = try #require(try results.first?.get())
        #expect(document.original == "Café paid €5m")
        #expect(document.warnings.map(\.code) == ["invalid-utf8"])
    }

    @Test func emptyJSONLinesFileIsNamed() throws {
        let results = try jsonLines("\n\n")
        #expect(results.count == 1)
        #expect(results[0].failureReason == "no documents (the JSON Lines file is empty)")
    }

    /// A page dated only by its byline: the lines of the page's head (here 40 links) are no
    /// lines of the text, so the byline still stands in the header and dates the page.
    @Test func aBylineDatesAPageWithALongHead() throws {
        let links = (0..<40).map { "<link rel=\"preload\" href=\"/asset\($0).js\">" }.joined(separator: "\n")
        let page = """
            <html lang="de"><head><title>Kabelwerk Nord investiert 30 Millionen Euro</title>
            \(links)
            </head><body><h1>Kabelwerk Nord investiert 30 Millionen Euro in Bremen</h1>
            <p class="meta">Von Anna Schmidt | 14.05.2025, 10:32 Uhr</p>
            <p>Kabelwerk Nord will rund 30 Millionen Euro in Bremen investieren, teilte das Unternehmen am Mittwoch mit.</p>
            </body></html>
            """
        let document = try DocumentReader(rules: Fixtures.rules).decode(Data(page.utf8), input: Input(kind: .file, path: "kabel.html", id: "kabel")).get()
        let record = try Extraction(rules: Fixtures.rules).record(for: document)
        #expect(record.published == "2025-05-14")
        #expect(record.dates.first { $0.text == "Mittwoch" }?.value == "2025-05-14")
    }

    /// A page dated by `<time>` alone: the date of the day in the site's header and a
    /// sidebar's teasers do not date the article; its own time does, and the one marked
    /// as published wins over an update shown before it.
    @Test func theArticlesTimeDatesThePageNotTheHeaders() throws {
        let page = """
            <html><body><header><time datetime="2025-06-20">Friday, June 20, 2025</time></header>
            <aside><article><time datetime="2025-06-19">June 19</time> Other news</article></aside>
            <article><h1>Apex Foods buys Orchard Mills</h1><p>By Jane Doe, <time datetime="2025-06-03T08:00:00Z">June 3, 2025</time></p>
            <p>Apex Foods said it agreed to buy Orchard Mills for $310 million.</p></article></body></html>
            """
        #expect(try html(page).published == "2025-06-03")
        let marked = """
            <html><body><article><header><time class="updated" datetime="2025-06-05">Updated June 5</time>
            <time class="entry-date published" datetime="2025-06-03">June 3</time></header><p>Text.</p></article></body></html>
            """
        #expect(try html(marked).published == "2025-06-03")
        #expect(try html("<html><body><header><time datetime=\"2025-06-20\">Today</time></header><p>Text.</p></body></html>").published == "2025-06-20")
    }

    /// The article's own `<header>` (inside `<article>` or `<main>`) stays with its headline
    /// and byline, whose date then dates the page; the site's header is still dropped.
    @Test func theArticlesHeaderKeepsItsBylineTheSitesGoes() throws {
        let page = """
            <html lang="en"><body><header class="site"><a>Example Post</a><p>Join 2 million readers</p></header>
            <article><header class="entry-header"><h1>Acme buys Beta for $50 million</h1>
            <p class="byline">By Jo Kim | Published 3 March 2024</p></header>
            <p>Acme Corp said on Monday it had agreed to buy Beta Labs for $50 million.</p></article></body></html>
            """
        let document = try DocumentReader(rules: Fixtures.rules).decode(Data(page.utf8), input: Input(kind: .file, path: "acme.html", id: "acme")).get()
        #expect(document.text == "Acme buys Beta for $50 million\n\nBy Jo Kim | Published 3 March 2024\n\nAcme Corp said on Monday it had agreed to buy Beta Labs for $50 million.")
        let record = try Extraction(rules: Fixtures.rules).record(for: document)
        #expect(record.published == "2024-03-03")
        #expect(record.dates.first { $0.text == "Monday" }?.value == "2024-02-26")
    }

    /// Publishing dates under the other names sites give their metadata.
    @Test(arguments: ["og:article:published_time", "article:published", "publish-date", "publish_date", "publication_date", "dc.date.created", "dcterms.created"])
    func publishedFromOtherMetaNames(name: String) throws {
        #expect(try html("<html><head><meta property=\"\(name)\" content=\"2024-03-03T10:15:00+01:00\"></head><body><p>Text.</p></body></html>").published == "2024-03-03")
    }
}
