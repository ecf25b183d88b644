/// Line numbers of a text by scalar offset: built once per document, looked up by binary search.
/// A line ends at LF, CR or CRLF.
public struct LineIndex: Sendable {
    private let lineStarts: [Int]

    public init(_ text: String) {
        var starts = [0]
        var text = text
        // Over the UTF-8 bytes, counting a scalar at each byte that is not a continuation byte.
        text.withUTF8 { bytes in
            var offset = 0
            var previousWasCR = false
            for byte in bytes where byte & 0xC0 != 0x80 {
                offset += 1
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
