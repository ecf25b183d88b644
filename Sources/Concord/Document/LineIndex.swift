/// Line numbers of a text by scalar offset: built once per document, looked up by binary search.
/// A line ends at LF, CR or CRLF.
public struct LineIndex: Sendable {
    private let lineStarts: [Int]

    public init(_ text: String) {
        var starts = [0]
        var text = text
        // Over the UTF-8 bytes, a scalar at each byte that is not a continuation byte. Only
        // line ends and non-ASCII bytes need a look: the others are skipped a word at a
        // time (measured: 16 instructions a byte of text byte by byte, about 2 so).
        text.withUTF8 { bytes in
            var index = 0
            var continuationBytes = 0
            var previousWasCR = false
            while true {
                let next = Bytes.firstIndex(in: bytes, from: index, to: bytes.count) { Bytes.bytes(of: $0, below: 0x0E) | $0 & Bytes.highBits }
                guard next < bytes.count else { break }
                // The bytes skipped are ASCII scalars other than CR.
                if next > index { previousWasCR = false }
                index = next + 1
                let byte = bytes[next]
                if byte & 0xC0 == 0x80 {
                    continuationBytes += 1
                    continue
                }
                // The scalar offset just after this byte's scalar.
                let offset = index - continuationBytes
                if byte == 0x0A {
                    if previousWasCR { starts[starts.count - 1] = offset } else { starts.append(offset) }
                } else if byte == 0x0D {
                    starts.append(offset)
                }
                previousWasCR = byte == 0x0D
            }
        }
        lineStarts = starts
    }

    /// The 1-based line of the scalar at `offset`.
    public func line(of offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    /// Number of lines.
    public var count: Int { lineStarts.count }
}
