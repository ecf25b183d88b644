import Foundation
import Testing
@testable import Concord

/// Decoding, cleaning, HTML, JSON Lines and the reading failures of Ingest.
@Suite struct IngestTests {
    let reader = DocumentReader()

    func read(_ bytes: [UInt8], path: String = "doc.txt") -> Result<Document, InputFailure> {
        reader.decode(Data(bytes), input: Input(kind: .file, path: path, id: "doc"))
    }

    func document(_ bytes: [UInt8], path: String = "doc.txt") throws -> Document {
        try read(bytes, path: path).get()
    }

    // MARK: Encodings

    @Test func utf8WithAndWithoutByteOrderMark() throws {
        #expect(try document(Array("€15 million".utf8)).original == "€15 million")
        let withMark = try document([0xEF, 0xBB, 0xBF] + Array("€15 million".utf8))
        #expect(withMark.original == "€15 million" && withMark.warnings.isEmpty)
    }

    @Test func utf16WithByteOrderMark() throws {
        let text = "Mistral’s €15 million 😀"
        let little: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { unit -> [UInt8] in [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        #expect(try document(little).original == text)
        #expect(try document(big).original == text)
    }

    @Test func invalidUTF8IsReadAsWindows1252WithAWarning() throws {
        // 0x80 is € and 0x92 is ’ in Windows-1252; 0xE9 is é.
        let decoded = try document(Array("Caf".utf8) + [0xE9, 0x20, 0x80] + Array("15m Mistral".utf8) + [0x92] + Array("s".utf8))
        #expect(decoded.original == "Café €15m Mistral’s")
        #expect(decoded.text == "Café €15m Mistral's")
        #expect(decoded.warnings.map(\.code) == ["invalid-utf8"])
    }

    @Test func binaryContentIsRefusedWithTheReason() {
        #expect(read(Array("text\u{0}more".utf8)).failureReason == "binary content (NUL bytes); skipped")
        #expect(read(Array("%PDF-1.4 stuff".utf8)).failureReason == "binary content (PDF); skipped")
        #expect(read([0x1F, 0x8B, 0x08, 0x00]).failureReason == "binary content (gzip data); skipped")
        #expect(read(Array(repeating: 0x01, count: 50) + Array("abc".utf8)).failureReason == "binary content (control bytes); skipped")
    }

    @Test func emptyFileIsADocumentWithAWarning() throws {
        let empty = try document([])
        #expect(empty.original.isEmpty && empty.warnings.map(\.code) == ["empty"])
    }

    // MARK: Cleaning

    @Test func cleaningKeepsEveryOffset() throws {
        let original = "“Mistral’s” deal\u{00A0}of €15\u{202F}million\r\nline two\rline three\tend"
        let cleaned = try document(Array(original.utf8))
        #expect(cleaned.text == "\"Mistral's\" deal of €15 million \nline two\nline three end")
        #expect(cleaned.text.unicodeScalars.count == original.unicodeScalars.count)
        #expect(cleaned.offsetMap == .identity)
    }

    @Test func plainTextTitleIsTheFirstHeadlineLine() throws {
        let text = "Open In App\n\nMicrosoft’s Second Major AI Deal: A Partnership with Mistral\n\nLast Updated : 28 Feb, 2024\nBody."
        let reader = try DocumentReader(rules: Fixtures.rules)
        let document = try reader.decode(Data(text.utf8), input: Input(kind: .file, path: "a.txt", id: "a")).get()
        #expect(document.title == "Microsoft’s Second Major AI Deal: A Partnership with Mistral")
        let labels = "News & Analysis\ndriven by the PitchBook Platform\nAI\n\nMicrosoft backs OpenAI rival Mistral AI\n\nText."
        #expect(try reader.decode(Data(labels.utf8), input: Input(kind: .file, path: "b.txt", id: "b")).get().title == "Microsoft backs OpenAI rival Mistral AI")
        // A line that ends like a sentence is body, not a headline.
        #expect(try reader.decode(Data("Acme paid $5 million for the unit.\nIt said so.".utf8), input: Input(kind: .file, path: "c.txt", id: "c")).get().title == nil)
    }

    /// A menu row and a publishing line above the headline are no headline, in any language;
    /// a headline that merely starts with such a word is.
    @Test(arguments: [
        ("Home | World | Business | Tech | Sport\nPublished March 3, 2025 at 9:30 AM", "Brightwave Energy to buy Solis Power"),
        ("Menu\nPubblicato il 12 maggio 2025 alle 08:30\nUltimo aggiornamento: 13 maggio 2025", "Verdemare, ricavi a 210 milioni di euro nel 2024"),
        ("Veröffentlicht am 14.05.2025 um 10:32 Uhr", "Solvaro baut 300 Stellen ab"),
        ("Publié le 5 mars 2025 à 10h00", "Verdane Énergie rachète Solaria"),
        ("Publicado el 3 de junio de 2025 a las 10:45", "Grupo Levante compra la aseguradora Sol"),
        ("", "Updated guidance lifts Brightwave shares"),
    ])
    func menuRowsAndPublishingLinesAreNoTitle(header: String, headline: String) throws {
        let text = "\(header)\n\n\(headline)\n\nThe body of the article.\n"
        let reader = try DocumentReader(rules: Fixtures.rules)
        #expect(try reader.decode(Data(text.utf8), input: Input(kind: .file, path: "t.txt", id: "t")).get().title == headline)
    }

    /// A site's name in capitals above the headline is no title; a wire title in capitals
    /// over its story, whose first line runs on, is.
    @Test func aSiteNameInCapitalsIsNoTitle() throws {
        let reader = try DocumentReader(rules: Fixtures.rules)
        func title(_ text: String) throws -> String? {
            try reader.decode(Data(text.utf8), input: Input(kind: .file, path: "t.txt", id: "t")).get().title
        }
        #expect(try title("THE DAILY TECH REVIEW\n\nVantor Labs buys Kelpie AI for $90 million\n\nVantor Labs said on Monday it would buy Kelpie AI.\n") == "Vantor Labs buys Kelpie AI for $90 million")
        #expect(try title("LES ÉCHOS DU MATIN\nVantor rachète Kelpie pour 90 millions d'euros\n") == "Vantor rachète Kelpie pour 90 millions d'euros")
        #expect(try title("THE DAILY TECH REVIEW\nVantor Labs buys Kelpie AI\nBy Jane Doe\nMarch 3, 2025\n\nVantor Labs said on Monday it would buy Kelpie AI.\n") == "Vantor Labs buys Kelpie AI")
        #expect(try title("BAHIA COCOA REVIEW\nSALVADOR, Feb 26 - Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought.\n") == "BAHIA COCOA REVIEW")
        #expect(try title("VANTOR LABS BUYS KELPIE AI FOR $90 MILLION\n\nThe deal closes in June, the company said.\n") == "VANTOR LABS BUYS KELPIE AI FOR $90 MILLION")
    }

    // MARK: Formats

    @Test func formatFromExtensionAndContent() throws {
        #expect(try document(Array("<!DOCTYPE html><p>Hi there</p>".utf8), path: "page").format == .html)
        #expect(try document(Array("<p>Hi</p>".utf8), path: "page.txt").format == .text)
        #expect(try document(Array("Hi <b>there</b>".utf8), path: "page.html").format == .html)
        #expect(try document(Array("a < b and c > d".utf8), path: "page").format == .text)
    }

    @Test func publishedDatesAreNormalized() {
        #expect(PublishedDate.normalize("2024-02-27T08:00:00+01:00") == "2024-02-27")
        #expect(PublishedDate.normalize(" 2024-02-27") == "2024-02-27")
        #expect(PublishedDate.normalize("2024-02") == "2024-02")
        #expect(PublishedDate.normalize("2024") == "2024")
        #expect(PublishedDate.normalize("2024-13-01") == nil)
        #expect(PublishedDate.normalize("Feb 27, 2024") == nil)
        #expect(PublishedDate.normalize("20240227") == nil)
        // RSS feeds' RFC 2822 dates, with or without the weekday and time.
        #expect(PublishedDate.normalize("Tue, 03 Jun 2025 09:15:00 GMT") == "2025-06-03")
        #expect(PublishedDate.normalize("3 Jun 2025") == "2025-06-03")
        #expect(PublishedDate.normalize("31 Feb 2025 10:00:00 +0000") == nil)
        #expect(PublishedDate.normalize("3 juin 2025") == nil)
        // Unix times in seconds or milliseconds, as feeds and scrapers store them (UTC).
        #expect(PublishedDate.normalize("1709028000") == "2024-02-27")
        #expect(PublishedDate.normalize("1709078399.9") == "2024-02-27")
        #expect(PublishedDate.normalize("1709078400") == "2024-02-28")
        #expect(PublishedDate.normalize("1709028000123") == "2024-02-27")
        #expect(PublishedDate.normalize("12345") == nil)
        #expect(PublishedDate.normalize("17090280001") == nil)
    }

    // MARK: Failures

    @Test func systemErrorsHavePlainReasons() {
        #expect(InputFailure.reason(errno: ENOENT) == "no such file or directory")
        #expect(InputFailure.reason(errno: EACCES) == "permission denied")
        #expect(InputFailure.reason(errno: EPERM) == "permission denied")
        #expect(InputFailure.reason(errno: EISDIR) == "is a directory")
        #expect(InputFailure.reason(errno: ELOOP) == "too many levels of symbolic links (a symlink loop)")
        #expect(InputFailure.reason(errno: EIO) == "input/output error")
    }

    @Test func readingFailuresNameTheReason() throws {
        let folder = try TemporaryFolder()
        try folder.write("big.txt", String(repeating: "x", count: 5000))
        try FileManager.default.createDirectory(atPath: folder.path("dir.txt"), withIntermediateDirectories: true)
        let big = ByteReading.file(Input(kind: .file, path: folder.path("big.txt"), id: "big"), limit: 1000)
        #expect(big.failureReason == "too large (4.9 KiB): the limit is 1000 bytes per document; split it, or give documents as JSON Lines")
        #expect(ByteReading.describe(bytes: 1 << 30) == "1 GiB" && ByteReading.describe(bytes: ByteReading.maximumDocumentBytes) == "16 MiB")
        #expect(ByteReading.file(Input(kind: .file, path: folder.path("dir.txt"), id: "dir")).failureReason == "is a directory")
        #expect(ByteReading.file(Input(kind: .file, path: folder.path("gone.txt"), id: "gone", isExplicit: false)).failureReason == "vanished after it was listed (no such file now)")
        #expect(ByteReading.file(Input(kind: .file, path: folder.path("gone.txt"), id: "gone")).failureReason == "no such file or directory")
        // A FIFO found in a directory is refused at once, never waited on.
        #expect(mkfifo(folder.path("pipe"), 0o644) == 0)
        #expect(ByteReading.file(Input(kind: .file, path: folder.path("pipe"), id: "pipe", isExplicit: false)).failureReason == "not a regular file (a FIFO); skipped")
    }

    @Test func longLinesAreRead() throws {
        let line = String(repeating: "word ", count: 200_000) + "end."
        let document = try document(Array(line.utf8))
        #expect(document.text.utf8.count == line.utf8.count)
    }
}

extension Result where Failure == InputFailure {
    var failureReason: String? {
        if case let .failure(failure) = self { return failure.reason }
        return nil
    }
}

/// A folder under /tmp for one test, removed when the value goes away.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("concord-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }

    func write(_ relative: String, _ text: String) throws {
        try write(relative, bytes: Array(text.utf8))
    }

    func write(_ relative: String, bytes: [UInt8]) throws {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
    }
}

/// Hard-wrapped plain text: the line feeds that only wrap a paragraph become spaces for the
/// patterns, the others stay, and spans still quote the original.
@Suite struct LineUnwrappingTests {
    /// A wire story wrapped at about 62 columns: a headline, a blank line, a paragraph whose
    /// lines end where the next word would not fit, an indented paragraph and a sign-off.
    static let story = """
        US OFFICIAL SAYS NO TALKS PLANNED

        WASHINGTON, March 5 - U.S. Agriculture Secretary Richard
        Lyng does not intend to discuss a wheat export enhancement
        initiative at a cabinet-level meeting set for tomorrow.
            Officials said the meeting would review the farm trade
        outlook and possible steps to narrow the deficit this year.
         Reuter
        """

    @Test func wrappedLinesJoinAndOthersStay() {
        let unwrapped = LineUnwrapping.unwrapped(Self.story)
        #expect(unwrapped.utf8.count == Self.story.utf8.count)
        #expect(unwrapped.contains("Secretary Richard Lyng does not intend to discuss a wheat export enhancement initiative"))
        // The blank line after the headline, the indented paragraph and the sign-off keep theirs.
        #expect(unwrapped.hasPrefix("US OFFICIAL SAYS NO TALKS PLANNED\n\nWASHINGTON"))
        #expect(unwrapped.contains("tomorrow.\n    Officials said the meeting would review the farm trade outlook"))
        #expect(unwrapped.hasSuffix("this year.\n Reuter"))
    }

    /// Text with a line per paragraph, a table of short rows and a page dump are not
    /// hard-wrapped.
    @Test(arguments: [
        "Mistral AI raised €600 million in a round led by General Catalyst, the company said on Tuesday in Paris.\nIt was founded in 2023 by Arthur Mensch, Timothée Lacroix and Guillaume Lample, who left Meta and Google.\nThe round values the company at about €6 billion, according to people familiar with the matter.",
        "Shr 1.20 dlrs vs 1.10 dlrs\nNet 5.0 mln vs 4.0 mln\nRevs 30.0 mln vs 25.0 mln\nNine mths\nShr 3.10 dlrs vs 2.90 dlrs",
        // A page dump: headings, bullets and numbered points of similar lengths.
        "Key Takeaway\n\n6 million investment in Mistral AI signals a pivotal moment\nIn Short\n  • Microsoft announces a new partnership with French AI startup, Mistral\n  • This is Microsoft's second major AI investment after OpenAI\n1. Supercomputing: Microsoft will provide Mistral with infrastructure\n# Heading\nBody text here",
    ])
    func unwrappedTextStaysAsItIs(_ text: String) {
        #expect(LineUnwrapping.unwrapped(text) == text)
    }

    @Test func wrapWidthNeedsThreeLinesNearIt() {
        #expect(LineUnwrapping.wrapWidth([62, 58, 60, 20, 0]) == 62)
        // One long line alone sets no width; the lines near the next longest do.
        #expect(LineUnwrapping.wrapWidth([98, 62, 58, 60]) == 62)
        #expect(LineUnwrapping.wrapWidth([30, 28, 29]) == nil)
        #expect(LineUnwrapping.wrapWidth([300, 280, 290]) == nil)
    }

    /// Lines of the same length count each, up to ``LineUnwrapping/slack`` shorter included,
    /// and lines over ``LineUnwrapping/maximumWidth`` not at all.
    @Test func wrapWidthCountsEveryLineInItsSlack() {
        #expect(LineUnwrapping.wrapWidth([70, 40, 70, 60]) == 70)
        #expect(LineUnwrapping.wrapWidth([70, 70, 59]) == nil)
        #expect(LineUnwrapping.wrapWidth([72, 70, 59, 61, 60]) == 70)
        #expect(LineUnwrapping.wrapWidth([101, 101, 100, 95]) == nil)
        #expect(LineUnwrapping.wrapWidth([100, 100, 100, 55]) == 100)
        #expect(LineUnwrapping.wrapWidth([52, 45, 44]) == 52)
        #expect(LineUnwrapping.wrapWidth([49, 45, 44, 0]) == nil)
    }

    /// A name wrapped across two lines is one mention whose text is the original's, line
    /// feed and all, and whose name reads with a space.
    @Test func aNameAcrossAWrappedLineIsOneMention() throws {
        let document = try DocumentReader().decode(Data(Self.story.utf8), input: Input(kind: .file, path: "wire.txt", id: "wire")).get()
        #expect(document.original == Self.story)
        let found = try EntityTests.extractor.mentions(in: Tokenizer(rules: Fixtures.rules).tokenize(document))
        let lyng = try #require(found.first { $0.name == "Richard Lyng" })
        #expect(lyng.text == "Richard\nLyng" && lyng.type == .person)
        #expect(Array(Self.story.unicodeScalars)[lyng.start..<lyng.end].map(String.init).joined() == "Richard\nLyng")
    }
}
