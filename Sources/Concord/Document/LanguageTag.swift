/// A BCP 47 language tag reduced to what Concord uses: a language and an optional region
/// (`en`, `en-GB`, `fr-CA`). The region settles what a bare `$` or "a grand" means.
public struct LanguageTag: Sendable, Hashable, Codable, CustomStringConvertible {
    /// ISO 639-1 language code, lower case.
    public var language: String
    /// ISO 3166 region code, upper case, if given.
    public var region: String?

    public init(language: String, region: String? = nil) {
        self.language = language.lowercased()
        self.region = region?.uppercased()
    }

    /// Parses `en`, `en-GB`, `en_gb`, `fr-CA`; nil for anything that is not a tag.
    public init?(_ tag: String) {
        let parts = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy(\.isLetter) else { return nil }
        let region = parts.dropFirst().first { $0.count == 2 && $0.allSatisfy(\.isLetter) }
        self.init(language: first, region: region)
    }

    public var description: String { region.map { "\(language)-\($0)" } ?? language }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let tag = LanguageTag(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a language tag: \(text)"))
        }
        self = tag
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
