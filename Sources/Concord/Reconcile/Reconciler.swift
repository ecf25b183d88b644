/// Groups the claims of many records into facts and compares their values.
///
/// STUB until the reconcile work lands.
public struct Reconciler: Sendable {
    public init(rules: RuleSet) throws {}

    public func report(for records: [DocumentRecord]) -> ConflictReport {
        ConflictReport(documents: records.count, facts: [])
    }
}
