import Foundation

/// Runs ``Extraction`` over many inputs on `jobs` worker threads and hands the results on in
/// input order, so the output is byte for byte the same whatever the number of jobs.
///
/// The calling thread streams the inputs (``DocumentReader/units(for:)``: JSON Lines a line
/// at a time) and keeps at most a few units per worker in flight; workers read, extract and
/// transform (e.g. encode) each unit; the calling thread emits them in order. Memory
/// therefore holds the documents in flight, never the corpus or all its records.
public struct Batch: Sendable {
    /// Counts for the closing summary line.
    public struct Summary: Sendable, Equatable {
        public var documents = 0
        public var failed = 0
        public var warnings = 0

        public init() {}

        /// `concord: N documents, M failed, K warnings`
        public var line: String { "concord: \(documents) documents, \(failed) failed, \(warnings) warnings" }
    }

    /// Where a run stands, for a progress line.
    public struct Progress: Sendable {
        /// Inputs (documents and failures) handed on so far.
        public var done: Int
        /// Inputs in all, when known before reading (no JSON Lines, no stdin).
        public var total: Int?
        /// Bytes of input handed on so far.
        public var bytes: Int
        /// Bytes of input in all, when known.
        public var totalBytes: Int?
    }

    public let extraction: Extraction
    public let reader: DocumentReader
    public let jobs: Int

    /// Jobs in flight per worker: enough to keep every worker busy while the calling thread
    /// waits for the oldest one, few enough that memory stays small.
    static let jobsInFlightPerWorker = 4
    /// A job groups consecutive units up to this many, or up to ``bytesPerJob``, so that
    /// short documents (a wire story is under a kilobyte) do not pay a lock round per document.
    static let unitsPerJob = 32
    static let bytesPerJob = 256 << 10

    public init(extraction: Extraction, reader: DocumentReader = DocumentReader(), jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.extraction = extraction
        self.reader = reader
        self.jobs = max(1, jobs)
    }

    /// Reads and extracts every input; `emit` gets each record and `fail` each input that
    /// could not be read, both in input order, on the calling thread.
    public func run(_ inputs: [Result<Input, InputFailure>], emit: (DocumentRecord) -> Void, fail: (InputFailure) -> Void) -> Summary {
        run(inputs, transform: { $0 }, emit: emit, fail: fail)
    }

    /// Reads and extracts every input; `transform` runs on the worker that extracted the
    /// record (encode it there), `emit` gets each transformed record and `fail` each input
    /// that could not be read, both in input order, on the calling thread; `progress` is
    /// called after each of them.
    public func run<Output: Sendable>(
        _ inputs: [Result<Input, InputFailure>],
        transform: @escaping @Sendable (DocumentRecord) -> Output,
        emit: (Output) -> Void,
        fail: (InputFailure) -> Void,
        progress: ((Progress) -> Void)? = nil
    ) -> Summary {
        let queue = WorkQueue<[Result<ReadUnit, InputFailure>], [UnitOutcome<Output>]>()
        let reader = reader, extraction = extraction
        let workers = (0..<jobs).map { _ in
            Thread {
                while let (sequence, units) = queue.take() {
                    let outcomes = units.map { unit -> UnitOutcome<Output> in
                        switch unit.flatMap(reader.document(from:)) {
                        case let .failure(failure):
                            return .failure(failure, size: 0)
                        case let .success(document):
                            let size = (try? unit.get())?.size ?? 0
                            do {
                                let record = try extraction.record(for: document)
                                return .record(transform(record), warnings: record.warnings.count, size: size)
                            } catch {
                                return .failure(InputFailure(path: document.source, reason: "document \(document.id): invalid rules: \(error)"), size: size)
                            }
                        }
                    }
                    queue.complete(sequence, outcomes)
                }
                queue.workerFinished()
            }
        }
        workers.forEach { $0.stackSize = 8 << 20; $0.start() }

        var summary = Summary()
        var state = Progress(done: 0, total: Self.count(inputs), bytes: 0, totalBytes: Self.totalBytes(inputs))
        var submitted = 0, emitted = 0
        func hand(_ outcomes: [UnitOutcome<Output>]) {
            for outcome in outcomes {
                switch outcome {
                case let .failure(failure, size):
                    summary.failed += 1
                    state.bytes += size
                    fail(failure)
                case let .record(output, warnings, size):
                    summary.documents += 1
                    summary.warnings += warnings
                    state.bytes += size
                    emit(output)
                }
                state.done += 1
                progress?(state)
            }
            emitted += 1
        }
        let capacity = jobs * Self.jobsInFlightPerWorker
        var group: [Result<ReadUnit, InputFailure>] = []
        var groupBytes = 0
        func submit() {
            guard !group.isEmpty else { return }
            queue.submit(submitted, group)
            submitted += 1
            group = []
            groupBytes = 0
            while let outcomes = queue.result(for: emitted, wait: submitted - emitted >= capacity) {
                hand(outcomes)
            }
        }
        for unit in reader.units(for: inputs) {
            group.append(unit)
            groupBytes += (try? unit.get())?.size ?? 0
            if group.count >= Self.unitsPerJob || groupBytes >= Self.bytesPerJob { submit() }
        }
        submit()
        queue.close()
        while emitted < submitted, let outcomes = queue.result(for: emitted, wait: true) {
            hand(outcomes)
        }
        queue.waitForWorkers(jobs)
        return summary
    }

    private static func count(_ inputs: [Result<Input, InputFailure>]) -> Int? {
        let streamed = inputs.contains { input in
            guard case let .success(input) = input else { return false }
            return input.kind == .standardInput || input.formatFromExtension == .jsonl
        }
        return streamed ? nil : inputs.count
    }

    private static func totalBytes(_ inputs: [Result<Input, InputFailure>]) -> Int? {
        var total = 0
        for input in inputs {
            guard case let .success(input) = input else { continue }
            guard let size = input.size else { return nil }
            total += size
        }
        return total
    }
}

/// What became of one unit, with the bytes it stood for (for progress).
enum UnitOutcome<Output: Sendable>: Sendable {
    case record(Output, warnings: Int, size: Int)
    case failure(InputFailure, size: Int)
}

/// Jobs numbered in input order for the workers, and their results for the calling thread,
/// under one lock.
final class WorkQueue<Job: Sendable, Result: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [(Int, Job)] = []
    private var head = 0
    private var results: [Int: Result] = [:]
    private var closed = false
    private var finishedWorkers = 0

    func submit(_ sequence: Int, _ job: Job) {
        condition.lock()
        jobs.append((sequence, job))
        condition.broadcast()
        condition.unlock()
    }

    /// A worker's next job; nil once the queue is closed and empty.
    func take() -> (Int, Job)? {
        condition.lock()
        defer { condition.unlock() }
        while head == jobs.count && !closed { condition.wait() }
        guard head < jobs.count else { return nil }
        let job = jobs[head]
        head += 1
        if head >= 64 && head * 2 >= jobs.count {
            jobs.removeFirst(head)
            head = 0
        }
        return job
    }

    func complete(_ sequence: Int, _ result: Result) {
        condition.lock()
        results[sequence] = result
        condition.broadcast()
        condition.unlock()
    }

    /// The result of job `sequence`, taken out of the queue: waits for it if `wait`, else nil
    /// when it is not done yet.
    func result(for sequence: Int, wait: Bool) -> Result? {
        condition.lock()
        defer { condition.unlock() }
        while wait && results[sequence] == nil { condition.wait() }
        return results.removeValue(forKey: sequence)
    }

    /// No more jobs will come: idle workers end.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    func workerFinished() {
        condition.lock()
        finishedWorkers += 1
        condition.broadcast()
        condition.unlock()
    }

    func waitForWorkers(_ count: Int) {
        condition.lock()
        while finishedWorkers < count { condition.wait() }
        condition.unlock()
    }
}
