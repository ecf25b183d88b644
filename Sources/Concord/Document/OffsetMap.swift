/// Maps scalar offsets in a document's cleaned text back to its original text.
///
/// The cleaned text is built left to right from segments: a copied run of the original
/// (same length on both sides) or a replacement (an HTML entity decoded to one character, a
/// tag turned into a line break). Plain text is cleaned scalar for scalar, so its map is the
/// identity.
public struct OffsetMap: Sendable, Equatable {
    struct Segment: Sendable, Equatable {
        var cleanedStart: Int
        var originalStart: Int
        var cleanedLength: Int
        var originalLength: Int
        var isCopy: Bool { cleanedLength == originalLength }
    }

    private var segments: [Segment] = []

    /// The map of text that was not changed in length.
    public static let identity = OffsetMap()

    public init() {}

    /// Records that the next `length` cleaned scalars copy the original from `originalStart`.
    public mutating func appendCopy(originalStart: Int, length: Int) {
        guard length > 0 else { return }
        if let last = segments.last, last.isCopy,
           last.originalStart + last.originalLength == originalStart {
            segments[segments.count - 1].cleanedLength += length
            segments[segments.count - 1].originalLength += length
            return
        }
        segments.append(Segment(cleanedStart: cleanedLength, originalStart: originalStart, cleanedLength: length, originalLength: length))
    }

    /// Records that the next `cleanedLength` cleaned scalars stand for `originalLength`
    /// original scalars from `originalStart` (an entity, a tag, collapsed space).
    public mutating func appendReplacement(originalStart: Int, originalLength: Int, cleanedLength: Int) {
        guard cleanedLength > 0 else { return }
        segments.append(Segment(cleanedStart: self.cleanedLength, originalStart: originalStart, cleanedLength: cleanedLength, originalLength: originalLength))
    }

    /// Total cleaned length recorded so far.
    public var cleanedLength: Int {
        segments.last.map { $0.cleanedStart + $0.cleanedLength } ?? 0
    }

    /// The original offset where the cleaned scalar at `offset` comes from.
    public func originalStart(_ offset: Int) -> Int {
        guard let segment = segment(containing: offset) else { return offset }
        return segment.isCopy ? segment.originalStart + (offset - segment.cleanedStart) : segment.originalStart
    }

    /// The original offset just after the cleaned scalar before `offset` (an exclusive end).
    public func originalEnd(_ offset: Int) -> Int {
        guard offset > 0, let segment = segment(containing: offset - 1) else { return offset }
        return segment.isCopy ? segment.originalStart + (offset - segment.cleanedStart) : segment.originalStart + segment.originalLength
    }

    /// The original range of a cleaned range.
    public func originalRange(_ range: Range<Int>) -> Range<Int> {
        let start = originalStart(range.lowerBound)
        return start..<max(start, originalEnd(range.upperBound))
    }

    private func segment(containing offset: Int) -> Segment? {
        guard !segments.isEmpty else { return nil }
        var low = 0, high = segments.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if segments[mid].cleanedStart <= offset { low = mid } else { high = mid - 1 }
        }
        return segments[low]
    }
}
