/// Detects a document's language from its text with a small stop-word model
/// (`Rules/language/<lang>.yaml`): over the first 4 KB, count the words of each
/// language's list; the language with most hits wins if it has enough and beats the
/// runner-up. Cheap (one pass over a bounded prefix of bytes, no patterns) and
/// deterministic. Words are lower-cased in ASCII only; stop words are written lower case.
public struct LanguageDetector: Sendable {
    private struct Model: Sendable {
        let language: String
        let minimumHits: Int
    }

    /// How much of a document is read, in bytes: a few hundred words settle a language.
    static let sampleBytes = 4 * 1024

    private let models: [Model]
    /// Each stop word → the indexes (into `models`) of the languages that list it; words
    /// of up to 8 bytes are keyed by their bytes packed in an integer (no string is built).
    private let shortOwners: [UInt64: [Int]]
    private let longOwners: [String: [Int]]

    public init(rules: RuleSet) throws {
        var models: [Model] = []
        var shortOwners: [UInt64: [Int]] = [:]
        var longOwners: [String: [Int]] = [:]
        for file in rules.files(in: "language") {
            let root = file.root
            let minimum = try root["minimum_hits"].map { node -> Int in
                guard let value = Int(try node.string()), value > 0 else { throw RuleError(origin: node.origin, message: "'minimum_hits' must be a positive whole number") }
                return value
            } ?? 3
            let index = models.count
            models.append(Model(language: try root.string("language"), minimumHits: minimum))
            for word in try root.strings("stopwords") {
                let folded = NumberRules.folded(word)
                if let key = Self.packed(Array(folded.utf8)[...]) { shortOwners[key, default: []].append(index) } else { longOwners[folded, default: []].append(index) }
            }
        }
        self.models = models
        self.shortOwners = shortOwners
        self.longOwners = longOwners
    }

    /// The languages the model knows.
    public var languages: [String] { models.map(\.language) }

    /// Up to 8 bytes packed into one integer (nil for longer words).
    private static func packed(_ bytes: ArraySlice<UInt8>) -> UInt64? {
        guard bytes.count <= 8 else { return nil }
        return bytes.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }

    /// The language of `text`, or nil when no language has enough evidence.
    public func detect(_ text: String) -> LanguageTag? {
        var hits = [Int](repeating: 0, count: models.count)
        var text = text
        text.withUTF8 { bytes in
            let sample = bytes.prefix(Self.sampleBytes)
            var word: [UInt8] = []
            word.reserveCapacity(32)
            func close() {
                if !word.isEmpty, word.count <= 24 {
                    let languages = Self.packed(word[...]).map { shortOwners[$0] } ?? longOwners[String(decoding: word, as: UTF8.self)]
                    for index in languages ?? [] { hits[index] += 1 }
                }
                word.removeAll(keepingCapacity: true)
            }
            for byte in sample {
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte | 0x20)
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "'"), 0x80...: word.append(byte)
                default: close()
                }
            }
            close()
        }
        guard let best = hits.indices.max(by: { hits[$0] < hits[$1] || (hits[$0] == hits[$1] && $0 > $1) }),
              hits[best] >= models[best].minimumHits,
              hits.enumerated().allSatisfy({ $0.offset == best || $0.element < hits[best] }) else { return nil }
        return LanguageTag(language: models[best].language)
    }
}
