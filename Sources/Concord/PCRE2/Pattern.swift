import CPCRE2
import Foundation
import Synchronization

/// A compiled PCRE2 regular expression: the one place in Concord that calls PCRE2.
///
/// A pattern is compiled once, with `UTF` and `UCP`; the compiled code is immutable and
/// shared between threads. It is JIT-compiled where the platform allows, lazily on its first
/// match, so the rules of languages a run never meets cost no JIT time. Anchored matches use
/// a second compilation with `PCRE2_ANCHORED` (also made on first use): PCRE2 runs a match
/// with the `ANCHORED` option through its interpreter, never through the JIT code.
/// Match data, match context (which carries the match and depth limits) and JIT stack
/// belong to the thread (``MatchScratch``): no lock and no allocation per match. Offsets are
/// UTF-8 byte offsets into a ``TextBuffer``, which converts them to scalar offsets once per
/// document.
public final class Pattern: @unchecked Sendable {
    /// The pattern text as written in the rule file.
    public let source: String
    /// Where the pattern came from, for error messages.
    public let origin: RuleOrigin
    /// The limits every match runs under.
    public let limits: MatchLimits
    /// How many scans (unanchored, unfiltered: ``matches(in:from:to:)`` and the like) run
    /// through PCRE2's interpreter before the pattern is JIT-compiled; 0: JIT from the first.
    /// For a large pattern that most runs scan a few times, if at all: its JIT compilation
    /// costs as much as a dozen or more scans through the interpreter. The matches are the
    /// same; only the limits (``MatchLimits``) are counted otherwise by the interpreter.
    public let interpretedScans: Int
    /// The scans begun so far, while fewer than `interpretedScans`.
    private let scansBegun = Atomic<Int>(0)

    private let options: UInt32
    private let code: OpaquePointer
    /// The named groups, each name once (the first group of a name that several share), with
    /// a key of the name's length and first byte that ``groupNumber(_:)`` compares before the
    /// names: a dictionary hashed the whole name at each call, 360 instructions a call and
    /// 23 M per 1,000 Reuters stories (callgrind), where matches are read by group name.
    private let namedGroups: [(key: Int, name: String, number: Int)]
    /// Ovector pairs a match needs: the whole match and every capture group.
    private let pairCount: Int
    private let unanchored: LazyCode
    private let anchored: LazyCode
    /// The anchored pattern without its capture groups, for the tries of a filtered scan (see
    /// ``CaptureFreeText``); nil for a pattern with few groups or one that refers to its groups.
    private let captureFree: LazyCode?

    /// Compiles `source`. Throws ``PatternError/compile`` with PCRE2's message and the
    /// offset of the error inside the pattern.
    public init(_ source: String, caseless: Bool = false, origin: RuleOrigin = .inline, limits: MatchLimits = .default, interpretedScans: Int = 0) throws {
        self.source = source
        self.origin = origin
        self.limits = limits
        self.interpretedScans = interpretedScans
        var options = UInt32(PCRE2_UTF | PCRE2_UCP)
        if caseless { options |= UInt32(PCRE2_CASELESS) }
        self.options = options
        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        guard let compiled = Pattern.compile(source, options: options, errorCode: &errorCode, errorOffset: &errorOffset) else {
            throw PatternError.compile(origin: origin, message: Pattern.message(for: errorCode), patternOffset: errorOffset)
        }
        code = compiled
        namedGroups = Pattern.readGroupNames(compiled)
        var captures: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &captures)
        pairCount = Int(captures) + 1
        unanchored = LazyCode { compiled }
        anchored = LazyCode {
            var errorCode: Int32 = 0, errorOffset = 0
            return Pattern.compile(source, options: options | UInt32(PCRE2_ANCHORED), errorCode: &errorCode, errorOffset: &errorOffset)
        }
        if pairCount > CaptureFreeText.minimumGroups, let twin = CaptureFreeText.of(source) {
            captureFree = LazyCode {
                var errorCode: Int32 = 0, errorOffset = 0
                return Pattern.compile(twin, options: options | UInt32(PCRE2_ANCHORED), errorCode: &errorCode, errorOffset: &errorOffset)
            }
        } else {
            captureFree = nil
        }
    }

    deinit {
        anchored.free(unless: code)
        captureFree?.free(unless: code)
        pcre2_code_free_8(code)
    }

    private static func compile(_ source: String, options: UInt32, errorCode: inout Int32, errorOffset: inout Int) -> OpaquePointer? {
        var source = source
        return source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: UInt8.self) { pointer in
                // PCRE2 rejects a null pattern pointer even when its length is zero.
                var empty: UInt8 = 0
                return pcre2_compile_8(pointer.baseAddress ?? withUnsafeMutablePointer(to: &empty) { UnsafePointer($0) }, pointer.count, options, &errorCode, &errorOffset, nil)
            }
        }
    }

    /// The number of the named capture group `name`, if the pattern has one.
    public func groupNumber(_ name: String) -> Int? {
        let key = Self.key(name)
        return namedGroups.first { $0.key == key && $0.name == name }?.number
    }

    /// What ``groupNumber(_:)`` compares first: a name's length and first byte.
    @inline(__always) private static func key(_ name: String) -> Int {
        name.utf8.count << 8 | Int(name.utf8.first ?? 0)
    }

    /// The names of the pattern's named groups.
    public var groupNames: [String] { namedGroups.map(\.name).sorted() }

    /// Every non-overlapping match in `buffer`, left to right, starting at byte `from`.
    /// Throws ``PatternError/limitExceeded`` when a match runs past the limits.
    public func matches(in buffer: TextBuffer, from: Int = 0, to end: Int? = nil) throws -> [PatternMatch] {
        var found: [PatternMatch] = []
        try forEachMatch(in: buffer, from: from, to: end) { found.append($0); return true }
        return found
    }

    /// The first match at or after byte `from`, or nil.
    public func firstMatch(in buffer: TextBuffer, from: Int = 0, to end: Int? = nil) throws -> PatternMatch? {
        var first: PatternMatch?
        try forEachMatch(in: buffer, from: from, to: end) { first = $0; return false }
        return first
    }

    /// Whether the pattern matches anywhere in `text` (a convenience for rule examples and
    /// small strings; scans of documents should reuse their ``TextBuffer``).
    public func matches(_ text: String) throws -> Bool {
        try firstMatch(in: TextBuffer(text)) != nil
    }

    /// Whether the match must start exactly at byte `at` (an anchored match), and where it ends.
    public func anchoredMatch(in buffer: TextBuffer, at start: Int, to end: Int? = nil) throws -> PatternMatch? {
        try scan(buffer, from: start, to: end, anchored: true, starts: nil as WordStartFilter?) { _ in false }
    }

    /// Calls `body` for each match, left to right, until it returns false.
    public func forEachMatch(in buffer: TextBuffer, from: Int = 0, to end: Int? = nil, _ body: (PatternMatch) -> Bool) throws {
        _ = try scan(buffer, from: from, to: end, anchored: false, starts: nil as WordStartFilter?, body)
    }

    /// Calls `body` for each match, left to right, until it returns false, trying the pattern
    /// (anchored) only at the offsets `starts` allows (everywhere when it is nil). When `starts` allows every offset where
    /// a match can start (where the attempt starts, before any `\K`), the matches are those of
    /// ``forEachMatch(in:from:to:_:)``, found without a try at every byte.
    public func forEachMatch<Starts: StartFilter>(in buffer: TextBuffer, from: Int = 0, to end: Int? = nil, startingAt starts: Starts?, _ body: (PatternMatch) -> Bool) throws {
        _ = try scan(buffer, from: from, to: end, anchored: false, starts: starts, body)
    }

    /// Generic over the filter, so that each kind of filter gets a scan of its own, with no
    /// existential box to copy and retain at each try.
    @discardableResult
    private func scan<Starts: StartFilter>(_ buffer: TextBuffer, from: Int, to end: Int?, anchored isAnchored: Bool, starts: Starts?, _ body: (PatternMatch) -> Bool) throws -> PatternMatch? {
        let compiled: LazyCode.Compiled, options: UInt32
        // A filtered scan fails at most of its tries: they run without groups, and only a try
        // that matches runs again, at the same offset, to fill them.
        var trial: LazyCode.Compiled?
        if isAnchored || starts != nil, let anchoredCode = anchored.get() {
            (compiled, options) = (anchoredCode, 0)
            if starts != nil, let twin = captureFree?.get(), twin.jit, anchoredCode.jit { trial = twin }
        } else if interpretedScans > 0, !isAnchored, starts == nil, scansBegun.load(ordering: .relaxed) < interpretedScans,
                  scansBegun.add(1, ordering: .relaxed).oldValue < interpretedScans {
            (compiled, options) = (LazyCode.Compiled(code: code, jit: false), 0)
        } else {
            // Without anchored code (never seen) the option anchors, through the interpreter.
            (compiled, options) = (unanchored.get()!, isAnchored || starts != nil ? UInt32(PCRE2_ANCHORED) : 0)
        }
        let scratch = MatchScratch.current
        let context = scratch.context(for: limits)
        let subjectLength = min(end ?? buffer.byteCount, buffer.byteCount)
        var position = from
        var last: PatternMatch?
        // With a filter, the text's word starts (found once for all the filtered scans of a
        // document): set whenever `starts` is.
        var wordStarts = starts.map { _ in WordStartCursor(buffer.wordStarts) }
        try buffer.withBytes { base in
            while position <= subjectLength {
                if let starts {
                    guard let next = starts.nextStart(base, count: subjectLength, from: position, wordStarts: &wordStarts!) else { return }
                    position = next
                }
                // Fetched for each match: a scan run from `body` may have replaced it.
                let matchData = scratch.matchData(pairs: pairCount)
                // PCRE2 rejects a null subject even when it is empty. A TextBuffer holds a
                // Swift string, always valid UTF-8, so PCRE2 need not check it again.
                var rc: Int32
                if let trial {
                    rc = pcre2_jit_match_8(trial.code, base, subjectLength, position, 0, matchData, context)
                    if rc >= 0 { rc = pcre2_jit_match_8(compiled.code, base, subjectLength, position, 0, matchData, context) }
                } else {
                    rc = compiled.jit && options == 0
                        ? pcre2_jit_match_8(compiled.code, base, subjectLength, position, 0, matchData, context)
                        : pcre2_match_8(compiled.code, base, subjectLength, position, options | UInt32(PCRE2_NO_UTF_CHECK), matchData, context)
                }
                if rc == PCRE2_ERROR_NOMATCH {
                    if starts == nil { return }
                    position += 1
                    continue
                }
                if rc < 0 {
                    if rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT {
                        throw PatternError.limitExceeded(origin: origin, message: Pattern.message(for: rc))
                    }
                    throw PatternError.match(origin: origin, message: Pattern.message(for: rc))
                }
                // rc is one more than the highest group that took part (0: the ovector was too small).
                let setPairs = rc == 0 ? pairCount : min(Int(rc), pairCount)
                let ovector = pcre2_get_ovector_pointer_8(matchData)!
                let match = PatternMatch(pattern: self, pairs: setPairs, ovector: ovector)
                if isAnchored { last = match; return }
                if !body(match) { return }
                let matchEnd = match.range.upperBound
                // After an empty match, step one whole code point so no scalar is split.
                position = matchEnd > match.range.lowerBound ? matchEnd : buffer.nextScalarBoundary(after: matchEnd)
            }
        }
        return last
    }

    private static func readGroupNames(_ code: OpaquePointer) -> [(key: Int, name: String, number: Int)] {
        var count: UInt32 = 0, entrySize: UInt32 = 0
        var table: UnsafeMutablePointer<UInt8>?
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMECOUNT), &count)
        guard count > 0 else { return [] }
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMEENTRYSIZE), &entrySize)
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMETABLE), &table)
        guard let table else { return [] }
        var names: [(key: Int, name: String, number: Int)] = []
        for entry in 0..<Int(count) {
            let row = table + entry * Int(entrySize)
            let number = Int(row[0]) << 8 | Int(row[1])
            let name = String(cString: row + 2)
            if !names.contains(where: { $0.name == name }) { names.append((key(name), name, number)) }
        }
        return names
    }

    static func message(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = pcre2_get_error_message_8(code, &buffer, buffer.count)
        return length > 0 ? String(decoding: buffer[0..<Int(length)], as: UTF8.self) : "PCRE2 error \(code)"
    }
}

/// A pattern's text with every capture group made a plain group: the same matches, found
/// faster where a pattern has many groups, since PCRE2's JIT code saves and resets every group
/// at each try. The 33 forms of the English date pattern hold about 100 groups; without them,
/// its scan of 1,000 Reuters stories ran 37% fewer instructions in PCRE2's JIT code (callgrind),
/// the second match at each of its hits included.
///
/// Only text that never refers to a group is rewritten (no back reference, condition on a
/// group, recursion or subroutine call), and only text this reader understands (no `\Q`, no
/// extended mode); otherwise there is no capture-free text.
enum CaptureFreeText {
    /// Below this many pairs (groups and the whole match), the second match a hit costs is not
    /// paid back.
    static let minimumGroups = 32

    static func of(_ source: String) -> String? {
        let characters = Array(source.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        func peek(_ offset: Int) -> Unicode.Scalar? {
            index + offset < characters.count ? characters[index + offset] : nil
        }
        func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "\\":
                guard let next = peek(1) else { return nil }
                // \Q quotes, \k and \g refer to groups, \1 to \9 are back references.
                if next == "Q" || next == "k" || next == "g" || ("1"..."9").contains(next) { return nil }
                result.append(character)
                result.append(next)
                index += 2
            case "[":
                // A class, copied whole: "]" first (or after "^") is a member, POSIX classes nest.
                result.append(character)
                index += 1
                if peek(0) == "^" { result.append("^"); index += 1 }
                if peek(0) == "]" { result.append("]"); index += 1 }
                while index < characters.count, characters[index] != "]" {
                    if characters[index] == "\\", let next = peek(1) {
                        result.append(characters[index])
                        result.append(next)
                        index += 2
                    } else if characters[index] == "[", peek(1) == ":" {
                        while index < characters.count, !(characters[index] == ":" && peek(1) == "]") {
                            result.append(characters[index])
                            index += 1
                        }
                        guard index + 1 < characters.count else { return nil }
                        result.append(":")
                        result.append("]")
                        index += 2
                    } else {
                        result.append(characters[index])
                        index += 1
                    }
                }
                guard index < characters.count else { return nil }
                result.append("]")
                index += 1
            case "(":
                guard peek(1) == "?" else {
                    if peek(1) == "*" {
                        // A verb such as (*SKIP): copied.
                        result.append(character)
                        index += 1
                    } else {
                        result.append(contentsOf: "(?:".unicodeScalars)
                        index += 1
                    }
                    continue
                }
                let kind = peek(2)
                if kind == "<" && peek(3) != "=" && peek(3) != "!" || kind == "'" || kind == "P" && peek(3) == "<" {
                    // A named group: its name dropped.
                    let close: Unicode.Scalar = kind == "'" ? "'" : ">"
                    index += 3
                    while index < characters.count, characters[index] != close { index += 1 }
                    guard index < characters.count else { return nil }
                    result.append(contentsOf: "(?:".unicodeScalars)
                    index += 1
                } else if kind == "|" {
                    result.append(contentsOf: "(?:".unicodeScalars)
                    index += 3
                } else if let kind, "(&PR0123456789".unicodeScalars.contains(kind) || (kind == "+" || kind == "-") && peek(3).map(isDigit) == true {
                    // Conditions, recursion, subroutine calls, (?P=name), (?P>name).
                    return nil
                } else if characters[(index + 2)...].prefix(while: { $0.properties.isAlphabetic || $0 == "-" || $0 == "^" }).contains("x") {
                    // Option letters that set extended mode.
                    return nil
                } else {
                    result.append(character)
                    index += 1
                }
            default:
                result.append(character)
                index += 1
            }
        }
        return String(result)
    }
}

/// The limits a pattern matches under, so that no rule can run away on hostile input.
public struct MatchLimits: Sendable, Equatable {
    /// PCRE2's match limit: calls of its internal match function per attempt.
    public var matchLimit: UInt32
    /// PCRE2's depth limit (backtracking depth; the interpreter only).
    public var depthLimit: UInt32
    /// The largest JIT stack, in bytes.
    public var jitStackMax: Int

    public static let `default` = MatchLimits(matchLimit: 1_000_000, depthLimit: 10_000, jitStackMax: 1 << 20)

    public init(matchLimit: UInt32, depthLimit: UInt32, jitStackMax: Int) {
        self.matchLimit = matchLimit
        self.depthLimit = depthLimit
        self.jitStackMax = jitStackMax
    }
}

/// A pattern's code for one kind of match, made and JIT-compiled on first use, under a lock
/// taken only until then.
private final class LazyCode: @unchecked Sendable {
    struct Compiled {
        let code: OpaquePointer
        /// Whether JIT compilation succeeded (else PCRE2's interpreter matches).
        let jit: Bool
    }

    private let make: () -> OpaquePointer?
    private let ready = Atomic<Bool>(false)
    private let lock = Mutex(())
    private var compiled: Compiled?

    init(_ make: @escaping () -> OpaquePointer?) {
        self.make = make
    }

    /// The code, nil if `make` could not make it.
    func get() -> Compiled? {
        if !ready.load(ordering: .acquiring) {
            lock.withLock { _ in
                guard !ready.load(ordering: .relaxed) else { return }
                compiled = make().map { Compiled(code: $0, jit: pcre2_jit_compile_8($0, UInt32(PCRE2_JIT_COMPLETE)) == 0) }
                ready.store(true, ordering: .releasing)
            }
        }
        return compiled
    }

    /// Frees the code if it was made and is not `shared`.
    func free(unless shared: OpaquePointer) {
        if let code = compiled?.code, code != shared { pcre2_code_free_8(code) }
    }
}

/// One thread's working memory for matching: one match data block, grown to the largest
/// pattern met, and a match context with its JIT stack per set of limits (in practice one, the
/// default, made with the scratch).
/// Every scan on the thread uses them in turn; a scan copies its groups out of the match data
/// before calling back, so a scan nested in another's callback may reuse it.
private final class MatchScratch {
    private typealias Context = (limits: MatchLimits, context: OpaquePointer, jitStack: OpaquePointer?)

    private var matchDataBlock: OpaquePointer?
    private var pairCapacity = 0
    /// The context of ``MatchLimits/default``: a constant, so reading it takes no exclusivity
    /// check, which searching the list of contexts (a stored variable) did at each scan, for
    /// 120 instructions a scan (callgrind).
    private let defaultContext: Context
    /// The contexts of other limits.
    private var contexts: [Context] = []

    init() {
        defaultContext = Self.makeContext(for: .default)
    }

    /// The calling thread's scratch, made on its first match and freed when it ends.
    static var current: MatchScratch {
        if let pointer = pthread_getspecific(scratchKey) {
            return Unmanaged<MatchScratch>.fromOpaque(pointer).takeUnretainedValue()
        }
        let scratch = MatchScratch()
        pthread_setspecific(scratchKey, Unmanaged.passRetained(scratch).toOpaque())
        return scratch
    }

    func matchData(pairs: Int) -> OpaquePointer {
        if let matchDataBlock, pairCapacity >= pairs { return matchDataBlock }
        if let matchDataBlock { pcre2_match_data_free_8(matchDataBlock) }
        pairCapacity = max(pairs, 16)
        let block = pcre2_match_data_create_8(UInt32(pairCapacity), nil)!
        matchDataBlock = block
        return block
    }

    func context(for limits: MatchLimits) -> OpaquePointer {
        if limits == defaultContext.limits { return defaultContext.context }
        if let entry = contexts.first(where: { $0.limits == limits }) { return entry.context }
        let entry = Self.makeContext(for: limits)
        contexts.append(entry)
        return entry.context
    }

    private static func makeContext(for limits: MatchLimits) -> Context {
        let context = pcre2_match_context_create_8(nil)!
        pcre2_set_match_limit_8(context, limits.matchLimit)
        pcre2_set_depth_limit_8(context, limits.depthLimit)
        let jitStack = pcre2_jit_stack_create_8(32 * 1024, limits.jitStackMax, nil)
        if let jitStack { pcre2_jit_stack_assign_8(context, nil, UnsafeMutableRawPointer(jitStack)) }
        return (limits, context, jitStack)
    }

    deinit {
        if let matchDataBlock { pcre2_match_data_free_8(matchDataBlock) }
        for entry in [defaultContext] + contexts {
            pcre2_match_context_free_8(entry.context)
            if let jitStack = entry.jitStack { pcre2_jit_stack_free_8(jitStack) }
        }
    }
}

/// The thread-specific slot of ``MatchScratch``; its destructor releases a thread's scratch.
private let scratchKey: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key) { releaseScratch($0) }
    return key
}()

private func releaseScratch(_ pointer: UnsafeMutableRawPointer?) {
    if let pointer { Unmanaged<MatchScratch>.fromOpaque(pointer).release() }
}
