import Testing
@testable import Concord

/// The byte-level parser of JSON Lines documents: keys matched by their bytes (escaped or
/// not), values copied or decoded, the eight-byte scan for quotes and escapes.
@Suite struct JSONDocumentLineTests {
    @Test func keysMatchWhetherEscapedOrNot() throws {
        let line = try JSONDocumentLine(#"{"t\u0065xt": "body", "\u0069d": "x1", "titles": "not a title", "lang": "en"}"#)
        #expect(line.text == "body" && line.id == "x1")
        #expect(line.title == nil && line.language == nil)
    }

    @Test func aRepeatedKeyKeepsItsLastStringAndNullKeepsWhatWasThere() throws {
        let line = try JSONDocumentLine(#"{"text": "first", "title": "T", "text": "second", "title": null}"#)
        #expect(line.text == "second" && line.title == "T")
    }

    @Test func numericIdIsKeptAsWrittenAndURLMustBeAString() throws {
        #expect(try JSONDocumentLine(#"{"id": -12.5e3, "text": "a", "url": null}"#).id == "-12.5e3")
        #expect(throws: JSONLineError.self) { try JSONDocumentLine(#"{"text": "a", "url": 5}"#) }
        #expect(throws: JSONLineError.self) { try JSONDocumentLine(#"{"text": "a", "url": "bad \x"}"#) }
    }

    /// A Unix time is kept as written, for ``PublishedDate`` to read.
    @Test func numericPublishedIsKeptAsWritten() throws {
        #expect(try JSONDocumentLine(#"{"text": "a", "published": 1709028000}"#).published == "1709028000")
        #expect(throws: JSONLineError.self) { try JSONDocumentLine(#"{"text": "a", "published": true}"#) }
    }

    /// An escape at every position of the eight-byte windows, next to multi-byte UTF-8.
    @Test func escapesAreFoundAtEveryOffset() throws {
        for offset in 0..<20 {
            let prefix = String(repeating: "é", count: offset / 2) + String(repeating: "a", count: offset % 2)
            let line = try JSONDocumentLine(#"{"text": ""# + prefix + #"\"q\\z\n"}"#)
            #expect(line.text == prefix + "\"q\\z\n", "offset \(offset)")
            let plain = try JSONDocumentLine(#"{"title": ""# + prefix + #"", "text": "x"}"#)
            #expect(plain.title == prefix && plain.text == "x", "offset \(offset)")
        }
    }

    @Test func surrogatePairsJoinAndLoneSurrogatesAreReplaced() throws {
        let line = try JSONDocumentLine(#"{"text": "\ud83d\ude00 \ud800x \u00e9"}"#)
        #expect(line.text == "😀 \u{FFFD}x é")
    }
}
