import Foundation

/// Reads the bytes of files and stdin with plain system calls, so every failure has its
/// system reason (permission denied, is a directory, vanished) and nothing can hang: a FIFO
/// found inside a directory is refused before it is read.
enum ByteReading {
    /// The largest document read whole (a text or HTML file, stdin, one JSON line). News
    /// articles are kilobytes; the limit keeps one stray file from taking the memory of the
    /// documents in flight. JSON Lines files are streamed line by line and have no limit.
    static let maximumDocumentBytes = 16 << 20

    /// The whole content of the file `input` names.
    static func file(_ input: Input, limit: Int = maximumDocumentBytes) -> Result<[UInt8], InputFailure> {
        let descriptor = open(input.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(openFailure(input, errno: errno)) }
        defer { close(descriptor) }
        switch prepare(descriptor, input: input) {
        case let .failure(failure): return .failure(failure)
        case let .success(size):
            if let size, size > limit { return .failure(tooLarge(input.path, size: size, limit: limit)) }
            return readAll(descriptor, path: input.path, limit: limit, expected: size ?? 0)
        }
    }

    /// Opens the file `input` names for streaming (JSON Lines); the caller closes the descriptor.
    static func openForStreaming(_ input: Input) -> Result<Int32, InputFailure> {
        let descriptor = open(input.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(openFailure(input, errno: errno)) }
        if case let .failure(failure) = prepare(descriptor, input: input) {
            close(descriptor)
            return .failure(failure)
        }
        return .success(descriptor)
    }

    /// Why `input` could not be opened; a listed file that is gone has vanished mid-run.
    static func openFailure(_ input: Input, errno code: Int32) -> InputFailure {
        if code == ENOENT && !input.isExplicit { return InputFailure(path: input.path, reason: "vanished after it was listed (no such file now)") }
        return InputFailure(path: input.path, reason: InputFailure.reason(errno: code))
    }

    /// Everything on stdin, up to the limit.
    static func standardInput(limit: Int = maximumDocumentBytes) -> Result<[UInt8], InputFailure> {
        readAll(STDIN_FILENO, path: "-", limit: limit, expected: 0)
    }

    /// Checks what the descriptor is: a regular file (its size is returned), or a pipe or
    /// device named on the command line (read as a stream, size nil). Anything else fails.
    private static func prepare(_ descriptor: Int32, input: Input) -> Result<Int?, InputFailure> {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(InputFailure(path: input.path, reason: InputFailure.reason(errno: errno))) }
        let kind = info.st_mode & S_IFMT
        if kind == S_IFDIR { return .failure(InputFailure(path: input.path, reason: InputFailure.reason(errno: EISDIR))) }
        if kind == S_IFREG {
            return .success(Int(info.st_size))
        }
        guard input.isExplicit, kind == S_IFIFO || kind == S_IFCHR else {
            let name = kind == S_IFIFO ? "a FIFO" : kind == S_IFSOCK ? "a socket" : "a device"
            return .failure(InputFailure(path: input.path, reason: "not a regular file (\(name)); skipped"))
        }
        // A pipe named on the command line (`<(command)`): read it as a stream, blocking.
        let flags = fcntl(descriptor, F_GETFL)
        _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK)
        return .success(nil)
    }

    private static func readAll(_ descriptor: Int32, path: String, limit: Int, expected: Int) -> Result<[UInt8], InputFailure> {
        var bytes = [UInt8](repeating: 0, count: max(expected, 4096) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                guard count <= limit else { return .failure(tooLarge(path, size: nil, limit: limit)) }
                bytes.append(contentsOf: repeatElement(0, count: min(bytes.count, limit + 1 - count + 1)))
            }
            let read = bytes.withUnsafeMutableBytes { raw in
                Glibc.read(descriptor, raw.baseAddress! + count, raw.count - count)
            }
            if read < 0 {
                if errno == EINTR { continue }
                return .failure(InputFailure(path: path, reason: InputFailure.reason(errno: errno)))
            }
            if read == 0 { break }
            count += read
            if count > limit { return .failure(tooLarge(path, size: nil, limit: limit)) }
        }
        bytes.removeSubrange(count...)
        return .success(bytes)
    }

    static func tooLarge(_ path: String, size: Int?, limit: Int) -> InputFailure {
        let what = size.map { "too large (\(Self.describe(bytes: $0)))" } ?? "too large"
        return InputFailure(path: path, reason: "\(what): the limit is \(describe(bytes: limit)) per document; split it, or give documents as JSON Lines")
    }

    /// `512 bytes`, `16 MiB`, `1.0 GiB`.
    static func describe(bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) bytes" }
        let units = ["KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes) / 1024
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return value == value.rounded() ? "\(Int(value)) \(units[unit])" : String(format: "%.1f %@", value, units[unit])
    }
}

/// Reads lines from a descriptor in large chunks: lines of any length up to the document
/// limit, LF or CRLF ends, a last line without a newline. A longer line is skipped and
/// reported, the lines after it are still read.
final class LineReader {
    enum Item {
        case line(number: Int, bytes: [UInt8])
        case tooLong(number: Int)
        case failure(String)
    }

    private let descriptor: Int32
    private let limit: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    private var lineNumber = 0
    /// Bytes read so far (for progress).
    private(set) var bytesRead = 0

    init(descriptor: Int32, limit: Int = ByteReading.maximumDocumentBytes) {
        self.descriptor = descriptor
        self.limit = limit
    }

    func next() -> Item? {
        var skipping = false
        while true {
            if let newline = findNewline() {
                lineNumber += 1
                var end = newline
                if end > start, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let item: Item = skipping ? .tooLong(number: lineNumber) : .line(number: lineNumber, bytes: Array(buffer[start..<end]))
                start = newline + 1
                return item
            }
            if atEnd {
                guard start < buffer.count || skipping else { return nil }
                lineNumber += 1
                let item: Item = skipping ? .tooLong(number: lineNumber) : .line(number: lineNumber, bytes: Array(buffer[start...]))
                start = buffer.count
                return item
            }
            if buffer.count - start > limit {
                skipping = true
                start = buffer.count
            }
            if let reason = fill() { return .failure(reason) }
        }
    }

    private func findNewline() -> Int? {
        guard start < buffer.count else { return nil }
        return buffer.withUnsafeBufferPointer { pointer -> Int? in
            guard let found = memchr(pointer.baseAddress! + start, 0x0A, pointer.count - start) else { return nil }
            return pointer.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// Reads the next chunk; returns the reason on a read error.
    private func fill() -> String? {
        if start > 0 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        let chunk = 1 << 20
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: chunk))
        while true {
            let read = buffer.withUnsafeMutableBytes { raw in Glibc.read(descriptor, raw.baseAddress! + old, chunk) }
            if read < 0 && errno == EINTR { continue }
            if read < 0 {
                let reason = InputFailure.reason(errno: errno)
                buffer.removeSubrange(old...)
                atEnd = true
                return reason
            }
            buffer.removeSubrange((old + read)...)
            bytesRead += read
            if read == 0 { atEnd = true }
            return nil
        }
    }
}
