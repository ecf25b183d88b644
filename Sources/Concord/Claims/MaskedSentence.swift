/// A sentence in which each mention stands as one mark (`⟨M0⟩` money, `⟨P1⟩` percent,
/// `⟨D2⟩` date, `⟨O3⟩` an entity, its letter saying its type: see ``MaskedSentence/letter(for:)``),
/// so claim patterns are written over mentions, not over the many ways to write a sum or
/// a name, and a placeholder only takes entities of the types its rule allows. A possessive stays as text after its mark
/// ("⟨E3⟩'s"). Where mentions overlap, money wins, then percents, dates, entities.
struct MaskedSentence {
    static let open = "⟨"
    static let close = "⟩"

    /// What a mark stands for.
    enum Kind: Character { case money = "M", percent = "P", date = "D", entity = "E" }

    struct Mark {
        var kind: Kind
        /// Index into the document's list of that kind.
        var index: Int
    }

    let buffer: TextBuffer
    let marks: [Mark]

    init(sentence range: Range<Int>, in document: TokenizedDocument, mentions: DocumentMentions) {
        var spans: [(bytes: Range<Int>, mark: Mark)] = []
        func collect(_ kind: Kind, _ ranges: [Range<Int>]) {
            for (index, bytes) in ranges.enumerated() where bytes.lowerBound >= range.lowerBound && bytes.upperBound <= range.upperBound && !bytes.isEmpty {
                if !spans.contains(where: { $0.bytes.overlaps(bytes) }) { spans.append((bytes, Mark(kind: kind, index: index))) }
            }
        }
        collect(.money, mentions.money.map(\.bytes))
        collect(.percent, mentions.percents.map(\.bytes))
        collect(.date, mentions.dates.map(\.bytes))
        collect(.entity, mentions.entities.map { entity in
            let possessive = entity.text.hasSuffix("'s") ? 2 : entity.text.hasSuffix("'") ? 1 : 0
            return entity.bytes.lowerBound..<(entity.bytes.upperBound - possessive)
        })
        spans.sort { $0.bytes.lowerBound < $1.bytes.lowerBound }
        var text = ""
        var position = range.lowerBound
        for (number, span) in spans.enumerated() {
            text += document.buffer.string(position..<span.bytes.lowerBound)
            let letter = span.mark.kind == .entity ? Self.letter(for: mentions.entities[span.mark.index].type) : span.mark.kind.rawValue
            text += "\(Self.open)\(letter)\(number)\(Self.close)"
            position = span.bytes.upperBound
        }
        text += document.buffer.string(position..<range.upperBound)
        buffer = TextBuffer(text)
        marks = spans.map(\.mark)
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
            // ⟨, the kind letter, then the mark's number.
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
