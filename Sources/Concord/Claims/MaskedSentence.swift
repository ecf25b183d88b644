/// A sentence in which each mention stands as one mark (`⟨M0⟩` money, `⟨P1⟩` percent,
/// `⟨D2⟩` date, `⟨O3⟩` an entity, its letter saying its type: see ``MaskedSentence/letter(for:)``;
/// the brackets are the ASCII controls SOH and STX, which cleaned news text never holds, so an
/// ASCII sentence stays ASCII and its offsets need no table),
/// so claim patterns are written over mentions, not over the many ways to write a sum or
/// a name, and a placeholder only takes entities of the types its rule allows. A possessive stays as text after its mark
/// ("⟨E3⟩'s"). Where mentions overlap, money wins, then percents, dates, entities.
struct MaskedSentence {
    static let open = "\u{1}"
    static let close = "\u{2}"

    /// What a mark stands for.
    enum Kind { case money, percent, date, entity }

    struct Mark {
        var kind: Kind
        /// Index into the document's list of that kind.
        var index: Int
    }

    let buffer: TextBuffer
    let marks: [Mark]

    /// Masks the sentence at `range` with `spans`, the mentions its marks stand for
    /// (``MentionSpans/marked(in:)``).
    ///
    /// Built byte by byte: the text between marks was once copied as `String`s and unwrapped
    /// scalar by scalar, 59,000 instructions a sentence on Reuters (callgrind); bytes take
    /// a tenth of that.
    init(sentence range: Range<Int>, in document: TokenizedDocument, marked spans: [MentionSpans.Span]) {
        let source = document.buffer
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count + 8 * spans.count)
        source.withBytes { base in
            let text = UnsafeBufferPointer(start: base, count: source.byteCount)
            var position = range.lowerBound
            for (number, span) in spans.enumerated() {
                // Angle brackets around exactly one name are wire markup ("said it acquired
                // <Gulfex Inc>"): the mark stands without them, so patterns read the name.
                let bracketed = span.bytes.lowerBound > position && span.bytes.upperBound < range.upperBound
                    && text[span.bytes.lowerBound - 1] == UInt8(ascii: "<") && text[span.bytes.upperBound] == UInt8(ascii: ">")
                Self.appendUnwrapped(text, position..<(span.bytes.lowerBound - (bracketed ? 1 : 0)), to: &bytes)
                bytes.append(Self.openByte)
                bytes.append(span.letter)
                bytes.append(contentsOf: String(number).utf8)
                bytes.append(Self.closeByte)
                position = span.bytes.upperBound + (bracketed ? 1 : 0)
            }
            Self.appendUnwrapped(text, position..<range.upperBound, to: &bytes)
        }
        buffer = TextBuffer(String(decoding: bytes, as: UTF8.self))
        marks = spans.map(\.mark)
    }

    /// The bytes of ``open`` and ``close``.
    static let openByte: UInt8 = 0x01, closeByte: UInt8 = 0x02

    /// Appends the text of `range` with its line breaks as spaces: a sentence hard-wrapped in
    /// wire copy ("said it has\ncompleted the acquisition of") reads as one line, as claim
    /// patterns expect. A break is a scalar `Character.isNewline` is true for (U+000A to
    /// U+000D, U+0085, U+2028, U+2029); "\r\n" is one break. A range whose ends split a
    /// scalar (which no mention should make) is first decoded with repair, as `String` reads it.
    private static func appendUnwrapped(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to bytes: inout [UInt8]) {
        guard !range.isEmpty else { return }
        let isContinuation = { (offset: Int) in offset < text.count && text[offset] & 0xC0 == 0x80 }
        guard !isContinuation(range.lowerBound) && !isContinuation(range.upperBound) else {
            var repaired = String(decoding: UnsafeBufferPointer(rebasing: text[range]), as: UTF8.self)
            repaired.withUTF8 { appendUnwrapped($0, $0.indices, to: &bytes) }
            return
        }
        var runStart = range.lowerBound
        var index = range.lowerBound
        var afterCarriageReturn = false
        while index < range.upperBound {
            let byte = text[index]
            let length: Int
            switch byte {
            case 0x0A...0x0D: length = 1
            case 0xC2 where index + 1 < range.upperBound && text[index + 1] == 0x85: length = 2
            case 0xE2 where index + 2 < range.upperBound && text[index + 1] == 0x80 && (text[index + 2] == 0xA8 || text[index + 2] == 0xA9): length = 3
            default:
                afterCarriageReturn = false
                index += 1
                continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
            if !(byte == 0x0A && afterCarriageReturn) { bytes.append(UInt8(ascii: " ")) }
            afterCarriageReturn = byte == 0x0D
            index += length
            runStart = index
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<range.upperBound]))
    }

    /// The letter of an entity's mark: O organisation, H person, R product, L place, V event.
    static func letter(for type: EntityType) -> UInt8 {
        switch type {
        case .organization: return UInt8(ascii: "O")
        case .person: return UInt8(ascii: "H")
        case .product: return UInt8(ascii: "R")
        case .place: return UInt8(ascii: "L")
        case .event: return UInt8(ascii: "V")
        }
    }

    /// The marks inside a byte range of the masked text, in order.
    func marks(in range: Range<Int>?) -> [Mark] {
        guard let range else { return [] }
        let openBytes = Array(Self.open.utf8)
        var found: [Mark] = []
        var offset = range.lowerBound
        while offset + openBytes.count < range.upperBound {
            guard (0..<openBytes.count).allSatisfy({ buffer[byte: offset + $0] == openBytes[$0] }) else {
                offset += 1
                continue
            }
            // The opening bracket, the kind letter, then the mark's number.
            var cursor = offset + openBytes.count + 1
            var number = 0
            while cursor < range.upperBound, case let byte = buffer[byte: cursor], byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                number = number * 10 + Int(byte - UInt8(ascii: "0"))
                cursor += 1
            }
            if number < marks.count { found.append(marks[number]) }
            offset = cursor
        }
        return found
    }

    /// The plain text of a byte range of the masked text.
    func string(_ range: Range<Int>) -> String { buffer.string(range) }
}

/// A set of kinds of mark, an entity's by its type: which marks a masked sentence holds,
/// or the marks one of which a claim needs.
struct MarkKinds: OptionSet, Hashable {
    let rawValue: UInt8

    static let money = MarkKinds(rawValue: 1)
    static let percent = MarkKinds(rawValue: 2)
    static let date = MarkKinds(rawValue: 4)
    /// An entity of any type.
    static let anyEntity = MarkKinds(EntityType.allCases.map(entity))

    init(rawValue: UInt8) { self.rawValue = rawValue }

    /// An entity of `type`.
    static func entity(_ type: EntityType) -> MarkKinds {
        switch type {
        case .organization: return MarkKinds(rawValue: 8)
        case .person: return MarkKinds(rawValue: 16)
        case .product: return MarkKinds(rawValue: 32)
        case .place: return MarkKinds(rawValue: 64)
        case .event: return MarkKinds(rawValue: 128)
        }
    }
}

/// Every mention of a document as a span to mask, sorted by start once per document, so
/// each sentence takes its own by binary search.
struct MentionSpans {
    struct Span {
        var bytes: Range<Int>
        var mark: MaskedSentence.Mark
        /// The mark's letter as an ASCII byte (an entity's says its type).
        var letter: UInt8
        /// The mark's kind, an entity's by its type.
        var kinds: MarkKinds
        /// Lower wins an overlap: money 0, percent 1, date 2, entity 3.
        var rank: Int
    }

    let spans: [Span]

    init(_ mentions: DocumentMentions) {
        var spans: [Span] = []
        spans.reserveCapacity(mentions.money.count + mentions.percents.count + mentions.dates.count + mentions.entities.count)
        func add(_ kind: MaskedSentence.Kind, _ rank: Int, _ ranges: [Range<Int>], letter: (Int) -> (UInt8, MarkKinds)) {
            for (index, bytes) in ranges.enumerated() where !bytes.isEmpty {
                let (letter, kinds) = letter(index)
                spans.append(Span(bytes: bytes, mark: MaskedSentence.Mark(kind: kind, index: index), letter: letter, kinds: kinds, rank: rank))
            }
        }
        add(.money, 0, mentions.money.map(\.bytes)) { _ in (UInt8(ascii: "M"), .money) }
        add(.percent, 1, mentions.percents.map(\.bytes)) { _ in (UInt8(ascii: "P"), .percent) }
        add(.date, 2, mentions.dates.map(\.bytes)) { _ in (UInt8(ascii: "D"), .date) }
        // A possessive stays as text after the entity's mark. The mention's text quotes the
        // original (a curly apostrophe); the cleaned bytes hold a one-byte ASCII one.
        add(.entity, 3, mentions.entities.map { $0.bytes.lowerBound..<($0.bytes.upperBound - Self.possessiveLength($0.text)) }) {
            let type = mentions.entities[$0].type
            return (MaskedSentence.letter(for: type), .entity(type))
        }
        self.spans = spans.sorted { ($0.bytes.lowerBound, $0.rank) < ($1.bytes.lowerBound, $1.rank) }
    }

    /// How many scalars of a possessive end `text`: 2 for "'s" or "’s", 1 for "'" or "’",
    /// else 0. Read on the UTF-8 bytes: through the scalar view it cost some 3,000
    /// instructions a document on Reuters (callgrind), a few hundred so.
    static func possessiveLength(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var end = bytes.count
            let endsInS = end > 0 && bytes[end - 1] == UInt8(ascii: "s")
            if endsInS { end -= 1 }
            let apostrophe = end >= 1 && bytes[end - 1] == UInt8(ascii: "'")
                || end >= 3 && bytes[end - 3] == 0xE2 && bytes[end - 2] == 0x80 && bytes[end - 1] == 0x99  // ’
            return apostrophe ? (endsInS ? 2 : 1) : 0
        }
    }

    /// The spans that stand as marks in the masked text of `range`, in order: those inside
    /// it, where overlapping mentions meet the higher kind winning (money, percent, date, entity).
    func marked(in range: Range<Int>) -> [Span] {
        var low = 0, high = spans.count
        while low < high {
            let mid = (low + high) / 2
            if spans[mid].bytes.lowerBound < range.lowerBound { low = mid + 1 } else { high = mid }
        }
        var marked: [Span] = []
        for span in spans[low...] {
            guard span.bytes.lowerBound < range.upperBound else { break }
            guard span.bytes.upperBound <= range.upperBound else { continue }
            if let last = marked.last, last.bytes.overlaps(span.bytes) {
                if span.rank < last.rank { marked[marked.count - 1] = span }
                continue
            }
            marked.append(span)
        }
        return marked
    }
}
