/// Where a filtered scan (``Pattern/forEachMatch(in:from:to:startingAt:_:)``) tries its
/// pattern: a cheap test of the bytes that skips most offsets where no match can start.
///
/// A filter must never pass over an offset where the pattern matches, so that the matches
/// are those of a scan at every byte.
public protocol StartFilter: Sendable {
    /// The first offset from `offset` (up to `count`) of `bytes` where a match may start, or nil.
    func nextStart(_ bytes: UnsafePointer<UInt8>, count: Int, from offset: Int) -> Int?

    /// The same offset as ``nextStart(_:count:from:)``, where a filter may read the text's
    /// ``WordStarts`` (at `wordStarts`, which a scan moves along with its tries) instead of
    /// its bytes.
    func nextStart(_ bytes: UnsafePointer<UInt8>, count: Int, from offset: Int, wordStarts: inout WordStartCursor) -> Int?
}

extension StartFilter {
    /// A filter that reads the bytes alone.
    public func nextStart(_ bytes: UnsafePointer<UInt8>, count: Int, from offset: Int, wordStarts: inout WordStartCursor) -> Int? {
        nextStart(bytes, count: count, from: offset)
    }
}
