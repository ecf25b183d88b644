/// The offsets of a text where a ``WordStartFilter`` may let a match start, whatever its
/// prefixes: found once per text (``TextBuffer/wordStarts``), so that each filtered scan of a
/// document walks them instead of reading all its bytes again.
///
/// An offset is one when it starts a scalar and follows no ASCII letter or digit (or starts
/// the text), or when it follows an ASCII letter or digit (``followsWord(_:)``) and holds an
/// ASCII digit that follows a letter ("EUR15") or the lead byte of a non-ASCII scalar: every
/// offset where ``WordStartFilter/allowsStart(_:count:at:)`` can allow a start, for any
/// filter. Over 1,000 Reuters stories about one byte in five is one, and each document is
/// scanned by about seven filters.
///
/// Immutable once built: `offsets` is written only by `init`.
public final class WordStarts: @unchecked Sendable {
    /// The offsets, ascending, each with ``followsWordFlag`` when it follows an ASCII letter or
    /// digit.
    private let offsets: UnsafeMutablePointer<UInt32>
    private static let followsWordFlag: UInt32 = 1 << 31
    /// How many there are.
    let count: Int

    /// The word starts of the `count` bytes at `bytes`, eight bytes at a time (``Bytes``
    /// SWAR masks, as ``WordStartFilter/nextStart(_:count:from:)`` reads them).
    init(_ bytes: UnsafePointer<UInt8>, count byteCount: Int) {
        offsets = .allocate(capacity: max(byteCount, 1))
        var found = 0
        let raw = UnsafeRawPointer(bytes)
        // Whether the byte before the word is no ASCII letter or digit, or a letter, in bit 7.
        var afterNonWord: UInt64 = 0x80, afterLetter: UInt64 = 0
        var offset = 0
        while offset + 8 <= byteCount {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            let letter = Bytes.bytes(of: word | Bytes.lowBits &* 0x20, from: 0x61, through: 0x7A)
            let digit = Bytes.bytes(of: word, from: 0x30, through: 0x39)
            let nonWord = ~(letter | digit) & Bytes.highBits
            let lead = word & word << 1 & Bytes.highBits
            let continuation = word & ~(word << 1) & Bytes.highBits
            let followsNonWord = nonWord << 8 | afterNonWord
            var starts = followsNonWord & ~continuation | digit & (letter << 8 | afterLetter) | lead
            while starts != 0 {
                let bit = starts.trailingZeroBitCount
                let flag = followsNonWord >> UInt64(bit) & 1 == 0 ? Self.followsWordFlag : 0
                offsets[found] = UInt32(truncatingIfNeeded: offset + bit / 8) | flag
                found += 1
                starts &= starts &- 1
            }
            afterNonWord = nonWord >> 56
            afterLetter = letter >> 56
            offset += 8
        }
        while offset < byteCount {
            let previous = offset > 0 ? bytes[offset - 1] : nil
            if Self.isStart(bytes[offset], after: previous) {
                let followsWord = previous.map { Bytes.isASCIILetter($0) || Bytes.isDigit($0) } ?? false
                offsets[found] = UInt32(truncatingIfNeeded: offset) | (followsWord ? Self.followsWordFlag : 0)
                found += 1
            }
            offset += 1
        }
        count = found
    }

    deinit {
        offsets.deallocate()
    }

    /// The `index`th offset (below ``count``).
    @inline(__always) subscript(index: Int) -> Int { Int(offsets[index] & ~Self.followsWordFlag) }

    /// Whether the `index`th offset follows an ASCII letter or digit.
    func followsWord(_ index: Int) -> Bool { offsets[index] & Self.followsWordFlag != 0 }

    /// The index of the first offset from `index` below `count` that `allows` allows (given the
    /// offset and whether it follows an ASCII letter or digit), or nil.
    @inline(__always) func firstIndex(from index: Int, below count: Int, where allows: (_ offset: Int, _ followsWord: Bool) -> Bool) -> Int? {
        var index = index
        while index < self.count {
            let entry = offsets[index]
            let offset = Int(entry & ~Self.followsWordFlag)
            guard offset < count else { return nil }
            if allows(offset, entry & Self.followsWordFlag != 0) { return index }
            index += 1
        }
        return nil
    }

    /// Whether `byte`, after `previous` (nil at the start of the text), is a word start.
    static func isStart(_ byte: UInt8, after previous: UInt8?) -> Bool {
        if byte & 0xC0 == 0x80 { return false }
        guard let previous, Bytes.isASCIILetter(previous) || Bytes.isDigit(previous) else { return true }
        return byte >= 0xC0 || (Bytes.isDigit(byte) && Bytes.isASCIILetter(previous))
    }

    /// The first index at or after `low` whose offset is at least `offset` (``count`` if none).
    func firstIndex(from low: Int, atLeast offset: Int) -> Int {
        var (low, high) = (low, count)
        while low < high {
            let middle = (low + high) / 2
            if self[middle] < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// A filtered scan's place in its text's ``WordStarts``: the scan's tries go forward, so each
/// look-up goes on from where the last one stopped.
public struct WordStartCursor {
    let starts: WordStarts
    /// The index of the word start the last look-up found.
    private(set) var index = 0

    init(_ starts: WordStarts) {
        self.starts = starts
    }

    /// The first word start from `offset` below `count` that `allows` allows (given the
    /// offset and whether it follows an ASCII letter or digit), or nil; the cursor stays there.
    @inline(__always) mutating func first(from offset: Int, below count: Int, where allows: (_ offset: Int, _ followsWord: Bool) -> Bool) -> Int? {
        seek(offset)
        guard let found = starts.firstIndex(from: index, below: count, where: allows) else { return nil }
        index = found
        return starts[found]
    }

    /// Moves to the first word start at or after `offset`: a step or two forward when the
    /// scan goes on near its last try, by binary search when it jumps (or goes back).
    @inline(__always) private mutating func seek(_ offset: Int) {
        if index > 0 && starts[index - 1] >= offset {
            index = starts.firstIndex(from: 0, atLeast: offset)
            return
        }
        for _ in 0..<4 {
            guard index < starts.count, starts[index] < offset else { return }
            index += 1
        }
        index = starts.firstIndex(from: index, atLeast: offset)
    }
}
