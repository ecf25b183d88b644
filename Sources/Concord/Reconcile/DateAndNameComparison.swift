/// Dates and lists of names, compared within a fact: dates agree within the precision the
/// text states (a month covers its days; a relative date may be off by a day); a list of
/// names that leaves out someone another source names is a mismatch.
extension ValueComparison {
    // MARK: Dates

    func dateFindings(_ indexes: [Int], in observations: [Observation]) -> [Finding] {
        var groups: [(date: String, members: [Int])] = []
        for index in indexes {
            guard let date = observations[index].value.date else { continue }
            if let existing = groups.firstIndex(where: { $0.date == date }) { groups[existing].members.append(index) } else { groups.append((date, [index])) }
        }
        guard !groups.isEmpty else { return [] }
        func describe(_ group: (date: String, members: [Int])) -> String {
            let value = observations[group.members[0]].value
            return "“\(value.text)” (\(value.source):\(value.line))"
        }
        if groups.count == 1 {
            let documents = Set(groups[0].members.map { observations[$0].value.document ?? observations[$0].value.source })
            guard documents.count > 1 else { return [] }
            return [Finding(kind: .consistent, values: groups[0].members, explanation: "\(documents.count) articles give the same date, \(groups[0].date).")]
        }
        let ranked = groups.indices.sorted { lhs, rhs in
            let (a, b) = (groups[lhs], groups[rhs])
            if a.members.count != b.members.count { return a.members.count > b.members.count }
            if a.date.count != b.date.count { return a.date.count > b.date.count }
            return lhs < rhs
        }
        func isRelative(_ group: (date: String, members: [Int])) -> Bool { group.members.contains { observations[$0].value.relative == true } }
        var findings: [Finding] = []
        var placed = [ranked[0]]
        for candidate in ranked.dropFirst() {
            let group = groups[candidate]
            var matched = false
            for partner in placed {
                let other = groups[partner]
                let members = (group.members + other.members).sorted()
                if group.date.hasPrefix(other.date) || other.date.hasPrefix(group.date) {
                    let (coarse, fine) = group.date.count < other.date.count ? (group, other) : (other, group)
                    findings.append(Finding(kind: .consistent, values: members, explanation: "\(describe(coarse)) gives \(coarse.date), less precise than \(fine.date) from \(describe(fine)), and agrees with it."))
                } else if let day = CalendarDay(iso: group.date)?.dayNumber, let otherDay = CalendarDay(iso: other.date)?.dayNumber,
                          isRelative(group) || isRelative(other), abs(day - otherDay) <= settings.relativeDateDays {
                    findings.append(Finding(kind: .consistent, values: members, explanation: "\(describe(group)) gives \(group.date) and \(describe(other)) \(other.date); a relative date can be off by \(settings.relativeDateDays) day(s), so they agree."))
                } else {
                    continue
                }
                matched = true
                placed.append(candidate)
                break
            }
            if !matched {
                let reference = groups[ranked[0]]
                findings.append(Finding(kind: .dateDiscrepancy, values: (group.members + reference.members).sorted(),
                                        explanation: "\(describe(group)) dates it \(group.date) but \(describe(reference)) dates it \(reference.date): they differ beyond the precision either text states."))
            }
        }
        return findings
    }

    // MARK: Lists of names

    func nameFindings(_ indexes: [Int], in observations: [Observation]) -> [Finding] {
        let named = indexes.filter { observations[$0].value.names?.isEmpty == false }
        guard !named.isEmpty else { return [] }
        var everyone: [String] = []
        for index in named { for name in observations[index].value.names ?? [] where !everyone.contains(name) { everyone.append(name) } }
        let lists = named.filter { (observations[$0].value.names?.count ?? 0) > 1 }
        var findings: [Finding] = []
        for list in lists {
            let value = observations[list].value
            let missing = everyone.filter { !(value.names ?? []).contains($0) }
            guard !missing.isEmpty else { continue }
            let naming = named.filter { index in index != list && (observations[index].value.names ?? []).contains { missing.contains($0) } }
            let whereNamed = naming.map { "\(observations[$0].value.source):\(observations[$0].value.line)" }
            findings.append(Finding(kind: .listMismatch, values: ([list] + naming).sorted(),
                                    explanation: "\(value.source):\(value.line) names \(Self.series(value.names ?? [])) but not \(Self.series(missing)), whom \(Self.series(whereNamed)) also names."))
        }
        if findings.isEmpty, lists.count > 1 {
            let documents = Set(lists.map { observations[$0].value.document ?? observations[$0].value.source })
            if documents.count > 1 {
                findings.append(Finding(kind: .consistent, values: lists, explanation: "\(documents.count) articles name the same people: \(Self.series(everyone))."))
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
