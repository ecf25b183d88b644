/// Dates and lists of names, compared within a fact: dates are spans of days (a day, a
/// month, "Q3 2023") that agree when they overlap ("February 2024" holds "Feb. 27, 2024")
/// and differ when they are disjoint; a relative date, or an article's publishing day
/// standing for a claim that states no date, may be off by a day. A list of names that
/// leaves out someone another source names is a mismatch.
extension ValueComparison {
    // MARK: Dates

    /// Values that state the same span of days.
    private struct DateGroup {
        var span: DateValue
        var members: [Int]
        /// Some member is relative or a publishing day: the span may be off by a day.
        var loose: Bool
        /// Every member is a publishing day.
        var publishingDays: Bool
    }

    func dateFindings(_ indexes: [Int], in observations: [Observation]) -> [Finding] {
        func document(_ index: Int) -> String { observations[index].value.document ?? observations[index].value.source }
        // An article that dates the fact is not contradicted by its own publishing day.
        let dating = Set(indexes.filter { observations[$0].value.date != nil && observations[$0].value.publishingDate != true }.map(document))
        var groups: [DateGroup] = []
        for index in indexes {
            let value = observations[index].value
            guard let span = value.period.flatMap(DateValue.init) ?? value.date.flatMap(DateValue.init(iso:)) else { continue }
            let publishing = value.publishingDate == true
            if publishing && dating.contains(document(index)) { continue }
            let loose = publishing || value.relative == true
            if let existing = groups.firstIndex(where: { $0.span == span }) {
                groups[existing].members.append(index)
                groups[existing].loose = groups[existing].loose || loose
                groups[existing].publishingDays = groups[existing].publishingDays && publishing
            } else {
                groups.append(DateGroup(span: span, members: [index], loose: loose, publishingDays: publishing))
            }
        }
        guard !groups.isEmpty else { return [] }
        func describe(_ group: DateGroup) -> String {
            let value = observations[group.members[0]].value
            return "“\(value.text)” (\(value.source):\(value.line))"
        }
        if groups.count == 1 {
            let documents = Set(groups[0].members.map(document))
            guard documents.count > 1 else { return [] }
            return [Finding(kind: .consistent, values: groups[0].members, explanation: "\(documents.count) articles give the same date, \(Self.wording(groups[0].span)).")]
        }
        // The most sources first, then the most precise.
        let ranked = groups.indices.sorted { lhs, rhs in
            let (a, b) = (groups[lhs], groups[rhs])
            if a.members.count != b.members.count { return a.members.count > b.members.count }
            if a.span.days != b.span.days { return a.span.days < b.span.days }
            return lhs < rhs
        }
        var findings: [Finding] = []
        var placed = [ranked[0]]
        for candidate in ranked.dropFirst() {
            let group = groups[candidate]
            let agreement = placed.lazy.compactMap { partner in self.dateAgreement(group, groups[partner], describe).map { (partner, $0) } }.first
            if let (partner, explanation) = agreement {
                findings.append(Finding(kind: .consistent, values: (group.members + groups[partner].members).sorted(), explanation: explanation))
                placed.append(candidate)
            } else {
                let reference = groups[ranked[0]]
                findings.append(Finding(kind: .dateDiscrepancy, values: (group.members + reference.members).sorted(),
                                        explanation: "\(describe(group)) dates it \(Self.wording(group.span)) but \(describe(reference)) dates it \(Self.wording(reference.span)): the days they state do not overlap."))
            }
        }
        return findings
    }

    /// Why two date groups agree, or nil when they do not: their spans overlap, or would
    /// once a relative date or publishing day is let off by `relativeDateDays`; two
    /// publishing days never disagree (articles may report an event days apart).
    private func dateAgreement(_ group: DateGroup, _ other: DateGroup, _ describe: (DateGroup) -> String) -> String? {
        let (a, b) = (group.span, other.span)
        if a.first <= b.last && b.first <= a.last {
            if b.first <= a.first && a.last <= b.last || a.first <= b.first && b.last <= a.last {
                let (wide, narrow) = a.days > b.days ? (group, other) : (other, group)
                return "\(describe(wide)) gives \(Self.wording(wide.span)), which holds \(Self.wording(narrow.span)) from \(describe(narrow)): they agree."
            }
            return "\(describe(group)) gives \(Self.wording(a)) and \(describe(other)) \(Self.wording(b)): the spans overlap, so they agree."
        }
        if group.publishingDays && other.publishingDays {
            return "\(describe(group)) and \(describe(other)) are the publishing days (\(a.iso), \(b.iso)) of articles that report it without dating it: they do not disagree."
        }
        let slack = settings.relativeDateDays * ((group.loose ? 1 : 0) + (other.loose ? 1 : 0))
        let gap = a.first > b.last ? a.first.dayNumber - b.last.dayNumber : b.first.dayNumber - a.last.dayNumber
        guard slack > 0, gap <= slack else { return nil }
        return "\(describe(group)) gives \(Self.wording(a)) and \(describe(other)) \(Self.wording(b)); a relative date or publishing day can be off by \(settings.relativeDateDays) day(s), so they agree."
    }

    /// "2024-02-27", "2023-11 (2023-11-01 to 2023-11-30)".
    static func wording(_ span: DateValue) -> String {
        span.isDay ? span.iso : "\(span.iso) (\(span.first.iso) to \(span.last.iso))"
    }

    // MARK: Lists of names

    func nameFindings(_ indexes: [Int], in observations: [Observation]) -> [Finding] {
        let named = indexes.filter { observations[$0].value.names?.isEmpty == false }
        guard !named.isEmpty else { return [] }
        var everyone: [String] = []
        for index in named { for name in observations[index].value.names ?? [] where !everyone.contains(name) { everyone.append(name) } }
        // A whole list, even of one name ("von Priya Raman gegründet"); a partial one
        // ("co-founder Cedric O") of two names or more.
        let lists = named.filter { !observations[$0].partialList || (observations[$0].value.names?.count ?? 0) > 1 }
        var findings: [Finding] = []
        for list in lists {
            let value = observations[list].value
            let missing = everyone.filter { !(value.names ?? []).contains($0) }
            guard !missing.isEmpty else { continue }
            let naming = named.filter { index in index != list && (observations[index].value.names ?? []).contains { missing.contains($0) } }
            let whereNamed = naming.map { "\(observations[$0].value.source):\(observations[$0].value.line)" }
            findings.append(Finding(kind: .listMismatch, values: ([list] + naming).sorted(),
                                    explanation: "\(value.source):\(value.line) names \(Self.series(value.names ?? [])) but not \(Self.series(missing)), whom \(Self.series(whereNamed)) also \(whereNamed.count > 1 ? "name" : "names")."))
        }
        if findings.isEmpty, lists.count > 1 {
            let documents = Set(lists.map { observations[$0].value.document ?? observations[$0].value.source })
            if documents.count > 1 {
                findings.append(Finding(kind: .consistent, values: lists, explanation: "\(documents.count) articles give the same names: \(Self.series(everyone))."))
            }
        }
        return findings
    }

    /// "A", "A and B", "A, B and C".
    static func series(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }
}
