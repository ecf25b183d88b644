/// Finds dates and resolves them against the document's date.
public struct DateExtractor: Sendable {
    /// The dates of one document and the document's own date.
    public struct Analysis: Sendable {
        public var mentions: [DateMention]
        /// `YYYY-MM-DD` (or less precise) the document was published, from its text.
        public var documentDate: String?
        /// Index into `mentions` of the mention that gave `documentDate`.
        public var documentDateIndex: Int?
    }

    public init(rules: RuleSet) throws {}

    /// Every date of `document`; relative ones resolved against `published`, else the date
    /// the text gives itself, else `reference`.
    public func analyze(_ document: TokenizedDocument, published: String?, reference: String?) throws -> Analysis {
        Analysis(mentions: [], documentDate: nil, documentDateIndex: nil)
    }

    public func mentions(in document: TokenizedDocument, reference: String?) throws -> [DateMention] {
        try analyze(document, published: document.document.published, reference: reference).mentions
    }
}
