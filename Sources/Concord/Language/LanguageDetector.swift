/// Detects a document's language from its text with a small stop-word model
/// (`Rules/language/<lang>.yaml`): over the first 4 KB, count the words of each
/// language's list; the language with most hits wins if it has enough and beats the
/// runner-up. A short text needs fewer: one hit for every six words, at least two, up to
/// the language's `minimum_hits` (a single sentence, "Das Unternehmen sammelte 25 Mio.
/// Euro ein.", is read in its language, not as English). Cheap (one pass over a bounded
/// prefix of bytes, no patterns, no string or array built per word) and deterministic.
/// Words are lower-cased in ASCII only; stop words are written lower case.
public struct LanguageDetector: Sendable {
    private struct Model: Sendable {
        let language: String
        let minimumHits: Int
    }

    /// How much of a document is read, in bytes: a few hundred words settle a language.
    static let sampleBytes = 4 * 1024

    private let models: [Model]
    /// Each stop word → the set of languages (bits, by index into `models`) that list it.
    private let owners: StopWordTable

    public init(rules: RuleSet) throws {
        var models: [Model] = []
        var owners = StopWordTable()
        for file in rules.files(in: "language") {
            let root = file.root
            let minimum = try root["minimum_hits"].map { node -> Int in
                guard let value = Int(try node.string()), value > 0 else { throw RuleError(origin: node.origin, message: "'minimum_hits' must be a positive whole number") }
                return value
            } ?? 3
            let index = models.count
            guard index < StopWordTable.maximumLanguages else {
                throw RuleError(origin: root.origin, message: "at most \(StopWordTable.maximumLanguages) languages can be detected")
            }
            models.append(Model(language: try root.string("language"), minimumHits: minimum))
            for word in try root.strings("stopwords") {
                owners.add(StopWordTable.Key(NumberRules.folded(word).utf8), language: index)
            }
        }
        self.models = models
        self.owners = owners
    }

    /// The languages the model knows.
    public var languages: [String] { models.map(\.language) }

    /// Whether each byte belongs in a word: ASCII letters, apostrophes and the bytes of
    /// non-ASCII letters; any other byte ends one.
    private static let isWordByte: [Bool] = (0...255).map { (value: Int) -> Bool in
        let byte = UInt8(value)
        return Bytes.isASCIILetter(byte) || byte == UInt8(ascii: "'") || byte >= 0x80
    }

    /// The language of `text`, or nil when no language has enough evidence.
    ///
    /// The sample is read a word at a time: a tight loop finds where each word ends, and
    /// only a word no longer than the longest stop word is folded (eight bytes at a time,
    /// ``StopWordTable/Key/init(word:at:length:)``) and looked up; a byte-by-byte key cost
    /// about 21 instructions a byte (callgrind, 1,000 Reuters stories: 24.3 M → 21.3 M).
    public func detect(_ text: String) -> LanguageTag? {
        var hits = [Int](repeating: 0, count: models.count)
        var words = 0
        var text = text
        Self.isWordByte.withUnsafeBufferPointer { isWordByte in
            text.withUTF8 { bytes in
                let sampleEnd = min(bytes.count, Self.sampleBytes)
                var index = 0
                while index < sampleEnd {
                    guard isWordByte[Int(bytes[index])] else {
                        index += 1
                        continue
                    }
                    let start = index
                    repeat { index += 1 } while index < sampleEnd && isWordByte[Int(bytes[index])]
                    words += 1
                    let length = index - start
                    if length <= owners.longestWord { owners.count(StopWordTable.Key(word: bytes, at: start, length: length), into: &hits) }
                }
            }
        }
        guard let best = hits.indices.max(by: { hits[$0] < hits[$1] || (hits[$0] == hits[$1] && $0 > $1) }),
              hits[best] >= min(models[best].minimumHits, max(2, words / 6)),
              hits.enumerated().allSatisfy({ $0.offset == best || $0.element < hits[best] }) else { return nil }
        return LanguageTag(language: models[best].language)
    }
}

/// The stop words of every language, keyed by their bytes packed into three integers:
/// an open-addressing hash table probed with a multiplicative hash, so looking a word up
/// builds no string and hashes no bytes one at a time. Words longer than
/// ``Key/maximumLength`` bytes are never looked up (no stop word is that long).
struct StopWordTable: Sendable {
    /// Languages are bits of a 64-bit set.
    static let maximumLanguages = 64

    /// A word's bytes packed little-endian into three integers, and its length; the bytes
    /// past the 24th are not kept (such a word is never looked up). Word bytes are never 0,
    /// so the packing is unambiguous.
    struct Key: Equatable, Sendable {
        static let maximumLength = 24
        var low: UInt64 = 0, middle: UInt64 = 0, high: UInt64 = 0
        var length = 0

        init() {}

        init(_ bytes: some Sequence<UInt8>) {
            for byte in bytes { append(byte) }
        }

        /// The key of the word of `length` bytes (1 up to ``maximumLength``) at `start` of
        /// `bytes`, with its ASCII bytes lower-cased as stop words are written (the word's
        /// bytes being letters, apostrophes and bytes beyond ASCII, setting 0x20 in its ASCII
        /// bytes does that). Read eight bytes at a time where the buffer holds whole words of
        /// eight past the word, else a byte at a time.
        @inline(__always)
        init(word bytes: UnsafeBufferPointer<UInt8>, at start: Int, length: Int) {
            guard let base = bytes.baseAddress, start + (length + 7) & ~7 <= bytes.count else {
                self.init(folding: UnsafeBufferPointer(rebasing: bytes[start..<start + length]))
                return
            }
            self.init()
            let raw = UnsafeRawPointer(base + start)
            low = Self.folded(raw.loadUnaligned(as: UInt64.self), keeping: length)
            if length > 8 {
                middle = Self.folded(raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self), keeping: length - 8)
                if length > 16 { high = Self.folded(raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self), keeping: length - 16) }
            }
            self.length = length
        }

        /// The key of a word near the end of its buffer, a byte at a time.
        private init(folding word: UnsafeBufferPointer<UInt8>) {
            for byte in word { append(byte < 0x80 ? byte | 0x20 : byte) }
        }

        /// Eight bytes of a word (little-endian) with 0x20 set in the ASCII ones, and only
        /// the first `count` kept (the others zero).
        @inline(__always)
        private static func folded(_ bytes: UInt64, keeping count: Int) -> UInt64 {
            let word = UInt64(littleEndian: bytes)
            let lowered = word | (~word & Bytes.highBits) >> 2
            return count >= 8 ? lowered : lowered & (1 << (UInt64(count) << 3) &- 1)
        }

        mutating func append(_ byte: UInt8) {
            let shift = UInt64(length & 7) << 3
            switch length >> 3 {
            case 0: low |= UInt64(byte) << shift
            case 1: middle |= UInt64(byte) << shift
            case 2: high |= UInt64(byte) << shift
            default: break
            }
            length += 1
        }

        var isLookedUp: Bool { length > 0 && length <= Self.maximumLength }

        var hash: UInt64 {
            (low &* 0x9E37_79B9_7F4A_7C15) ^ (middle &* 0xC2B2_AE3D_27D4_EB4F) ^ (high &* 0x1656_67B1_9E37_79F9)
        }
    }

    private var keys: [Key] = []
    private var languageSets: [UInt64] = []
    /// How many words the table holds.
    private var stored = 0
    /// The length in bytes of the longest word the table holds: no longer word is in it.
    private(set) var longestWord = 0
    /// log2 of the table's size.
    private var bits = 0

    init() {
        resize(bits: 6)
    }

    /// Adds `language` (an index below ``maximumLanguages``) to the owners of `key`.
    mutating func add(_ key: Key, language: Int) {
        guard key.isLookedUp else { return }
        if (stored + 1) * 2 > keys.count { resize(bits: bits + 1) }
        let slot = self.slot(of: key)
        if keys[slot].length == 0 {
            keys[slot] = key
            stored += 1
            longestWord = max(longestWord, key.length)
        }
        languageSets[slot] |= 1 << UInt64(language)
    }

    /// The languages that list `key`, as a bit set (0 for none).
    @inline(__always)
    func languages(of key: Key) -> UInt64 {
        key.isLookedUp ? languageSets[slot(of: key)] : 0
    }

    /// Adds one to `hits[language]` for each language that lists `key`.
    @inline(__always)
    func count(_ key: Key, into hits: inout [Int]) {
        var languages = languages(of: key)
        while languages != 0 {
            hits[languages.trailingZeroBitCount] += 1
            languages &= languages - 1
        }
    }

    /// The slot holding `key`, or the empty slot where it would go.
    @inline(__always)
    private func slot(of key: Key) -> Int {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: key.hash >> UInt64(64 - bits))
        while keys[slot].length != 0 && keys[slot] != key { slot = (slot + 1) & mask }
        return slot
    }

    private mutating func resize(bits newBits: Int) {
        let old = zip(keys, languageSets).filter { $0.0.length != 0 }
        bits = newBits
        keys = Array(repeating: Key(), count: 1 << newBits)
        languageSets = Array(repeating: 0, count: 1 << newBits)
        for (key, languages) in old {
            let slot = slot(of: key)
            keys[slot] = key
            languageSets[slot] = languages
        }
    }
}
