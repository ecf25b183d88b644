import Dispatch
import Foundation

/// Runs ``Extraction`` over many inputs on several threads and hands the records on in
/// input order, so the output is the same whatever the number of jobs. Inputs are taken in
/// windows, so memory holds the documents in flight, not the corpus.
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

    public let extraction: Extraction
    public let reader: DocumentReader
    public let jobs: Int

    public init(extraction: Extraction, reader: DocumentReader = DocumentReader(), jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.extraction = extraction
        self.reader = reader
        self.jobs = max(1, jobs)
    }

    /// Reads and extracts every input; `emit` gets each record and `fail` each input that
    /// could not be read, both in input order, on the calling thread.
    public func run(_ inputs: [Result<Input, InputFailure>], emit: (DocumentRecord) -> Void, fail: (InputFailure) -> Void) -> Summary {
        var summary = Summary()
        let window = jobs * 16
        var start = 0
        while start < inputs.count {
            let slice = Array(inputs[start..<min(start + window, inputs.count)])
            let results = ResultSlots<Result<[DocumentRecord], InputFailure>>(count: slice.count)
            let reader = reader, extraction = extraction
            DispatchQueue.concurrentPerform(iterations: slice.count) { index in
                let outcome: Result<[DocumentRecord], InputFailure>
                switch slice[index] {
                case let .failure(failure): outcome = .failure(failure)
                case let .success(input): outcome = reader.documents(from: input).map { $0.map(extraction.record(for:)) }
                }
                results.set(index, outcome)
            }
            for outcome in results.values {
                switch outcome {
                case let .failure(failure):
                    summary.failed += 1
                    fail(failure)
                case let .success(records):
                    for record in records {
                        summary.documents += 1
                        summary.warnings += record.warnings.count
                        emit(record)
                    }
                }
            }
            start += window
        }
        return summary
    }
}

/// Fixed slots written by concurrent workers, each slot by exactly one worker.
final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [Value] { slots.map { $0! } }
}
