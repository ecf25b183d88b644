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
    enum Kind: Character { case money = "M", percent = "P", date = "D", entity = "E" }

    struct Mark {
        var kind: Kind
        /// Index into the document's list of that kind.
        var index: Int
    }

    let buffer: TextBuffer
    let marks: [Mark]

    init(sentence range: Range<Int>, in document: TokenizedDocument, spans all: MentionSpans) {
        // Where overlapping mentions meet, the higher kind wins: money, percent, date, entity.
        var spans: [MentionSpans.Span] = []
        for span in all.within(range) {
            if let last = spans.last, last.bytes.overlaps(span.bytes) {
                if span.rank < last.rank { spans[spans.count - 1] = span }
                continue
            }
            spans.append(span)
        }
        var text = ""
        var position = range.lowerBound
        let source = document.buffer
        for (number, span) in spans.enumerated() {
            // Angle brackets around exactly one name are wire markup ("said it acquired
            // <Gulfex Inc>"): the mark stands without them, so patterns read the name.
            let bracketed = span.bytes.lowerBound > position && span.bytes.upperBound < range.upperBound
                && source[byte: span.bytes.lowerBound - 1] == UInt8(ascii: "<") && source[byte: span.bytes.upperBound] == UInt8(ascii: ">")
            text += Self.unwrapped(source.string(position..<(span.bytes.lowerBound - (bracketed ? 1 : 0))))
            text += "\(Self.open)\(span.letter)\(number)\(Self.close)"
            position = span.bytes.upperBound + (bracketed ? 1 : 0)
        }
        text += Self.unwrapped(source.string(position..<range.upperBound))
        buffer = TextBuffer(text)
        marks = spans.map(\.mark)
    }

    /// The text with its line breaks as spaces: a sentence hard-wrapped in wire copy ("said
    /// it has\ncompleted the acquisition of") reads as one line, as claim patterns expect.
    /// Scalar by scalar, not by `Character`: grapheme breaking was a measured cost here, and
    /// no newline joins a grapheme cluster, so "\r\n" is the only one to read as one break.
    private static func unwrapped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isNewline) else { return text }
        var result = String.UnicodeScalarView()
        var afterCarriageReturn = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" && afterCarriageReturn {
                afterCarriageReturn = false
                continue
            }
            afterCarriageReturn = scalar == "\r"
            result.append(isNewline(scalar) ? " " : scalar)
        }
        return String(result)
    }

    /// The scalars `Character.isNewline` is true for.
    private static func isNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// The letter of an entity's mark: O organisation, H person, R product, L place, V event.
    static func letter(for type: EntityType) -> Character {
        switch type {
        case .organization: return "O"
        case .person: return "H"
        case .product: return "R"
        case .place: return "L"
        case .event: return "V"
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

/// Every mention of a document as a span to mask, sorted by start once per document, so
/// each sentence takes its own by binary search.
struct MentionSpans {
    struct Span {
        var bytes: Range<Int>
        var mark: MaskedSentence.Mark
        /// The mark's letter (an entity's says its type).
        var letter: Character
        /// Lower wins an overlap: money 0, percent 1, date 2, entity 3.
        var rank: Int
    }

    let spans: [Span]

    init(_ mentions: DocumentMentions) {
        var spans: [Span] = []
        func add(_ kind: MaskedSentence.Kind, _ rank: Int, _ ranges: [Range<Int>], letter: (Int) -> Character) {
            for (index, bytes) in ranges.enumerated() where !bytes.isEmpty {
                spans.append(Span(bytes: bytes, mark: MaskedSentence.Mark(kind: kind, index: index), letter: letter(index), rank: rank))
            }
        }
        add(.money, 0, mentions.money.map(\.bytes)) { _ in MaskedSentence.Kind.money.rawValue }
        add(.percent, 1, mentions.percents.map(\.bytes)) { _ in MaskedSentence.Kind.percent.rawValue }
        add(.date, 2, mentions.dates.map(\.bytes)) { _ in MaskedSentence.Kind.date.rawValue }
        // A possessive stays as text after the entity's mark. The mention's text quotes the
        // original (a curly apostrophe); the cleaned bytes hold a one-byte ASCII one.
        add(.entity, 3, mentions.entities.map { entity in
            let scalars = entity.text.unicodeScalars
            let isApostrophe = { (scalar: Unicode.Scalar?) in scalar == "'" || scalar == "\u{2019}" }
            let possessive = scalars.last == "s" && isApostrophe(scalars.dropLast().last) ? 2 : isApostrophe(scalars.last) ? 1 : 0
            return entity.bytes.lowerBound..<(entity.bytes.upperBound - possessive)
        }) { MaskedSentence.letter(for: mentions.entities[$0].type) }
        self.spans = spans.sorted { ($0.bytes.lowerBound, $0.rank) < ($1.bytes.lowerBound, $1.rank) }
    }

    /// The spans that lie inside `range`, in order.
    func within(_ range: Range<Int>) -> ArraySlice<Span> {
        var low = 0, high = spans.count
        while low < high {
            let mid = (low + high) / 2
            if spans[mid].bytes.lowerBound < range.lowerBound { low = mid + 1 } else { high = mid }
        }
        var end = low
        while end < spans.count && spans[end].bytes.lowerBound < range.upperBound { end += 1 }
        return spans[low..<end].filter { $0.bytes.upperBound <= range.upperBound }[...]
    }
}
