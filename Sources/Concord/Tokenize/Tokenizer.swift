/// Splits a document's cleaned text into sentences and tokens.
///
/// STUB: one sentence per line, tokens by whitespace. The Tokenize issue work replaces it
/// (abbreviations from Rules/tokenize, decimal points, quotes).
public struct Tokenizer: Sendable {
    public init(rules: RuleSet) throws {}

    public func tokenize(_ document: Document) -> TokenizedDocument {
        let buffer = TextBuffer(document.text)
        var sentences: [Sentence] = []
        var start = 0
        for offset in 0...buffer.byteCount where offset == buffer.byteCount || buffer[byte: offset] == UInt8(ascii: "\n") {
            if offset > start { sentences.append(Sentence(range: start..<offset, tokens: [])) }
            start = offset + 1
        }
        return TokenizedDocument(document: document, buffer: buffer, sentences: sentences)
    }
}
