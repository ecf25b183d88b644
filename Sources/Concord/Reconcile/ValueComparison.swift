/// Compares the values of one fact and says, one plain sentence per finding, which agree
/// and which cannot be the same: amounts (money, percents) within the precision their texts
/// show and across currencies, dates within their precision, lists of names.
struct ValueComparison: Sendable {
    let settings: ReconcileSettings

    func fact(for gathered: GatheredFact) -> Fact {
        let observations = gathered.observations
        func indexes(_ kind: Observation.Kind) -> [Int] { observations.indices.filter { observations[$0].kind == kind } }
        let moneyGroups = groups(of: indexes(.money), in: observations)
        var findings = amountFindings(moneyGroups)
        findings += rangeFindings(indexes(.money).filter { observations[$0].value.range != nil }, against: moneyGroups, in: observations)
        let percentGroups = groups(of: indexes(.percent), in: observations, currency: "%")
        findings += amountFindings(percentGroups)
        findings += rangeFindings(indexes(.percent).filter { observations[$0].value.percentRange != nil }, against: percentGroups, in: observations)
        findings += dateFindings(indexes(.date), in: observations)
        findings += nameFindings(indexes(.names), in: observations)
        let status: Fact.Status = findings.contains { $0.kind.isConflict } ? .conflict : .consistent
        return Fact(subject: gathered.subject, predicate: gathered.predicate, object: gathered.object, details: gathered.details,
                    status: status, values: observations.map(\.value), findings: findings)
    }

    // MARK: Amounts

    /// Values that state the same amount in the same currency, compared as one.
    struct AmountGroup {
        var currency: String?
        var amount: ExactDecimal
        var members: [Int]
        /// The coarsest unit any member's text shows.
        var unit: ExactDecimal
        var approximate: Bool
        var usd: ExactDecimal?
        var conversion: Conversion?
        /// Every article that states the same rate for this group's values (its own).
        var statedBy: [String] = []
        var text: String
        var sources: [String]
        var documents: Set<String>

        var digits: Int { (amount.leadingExponent ?? 0) - (unit.leadingExponent ?? 0) + 1 }
        var quoted: String { "“\(text)”" }

        /// How far off the text may be: half a unit of its last digit, more when approximate.
        func tolerance(_ settings: ReconcileSettings) -> ExactDecimal {
            approximate ? unit * settings.approximateUnits : unit.divided(by: 2, scale: 20)
        }

        /// The group read in another currency (a value that names none).
        func read(as currency: String?) -> AmountGroup {
            var copy = self
            copy.currency = currency
            return copy
        }
    }

    private func groups(of indexes: [Int], in observations: [Observation], currency fixed: String? = nil) -> [AmountGroup] {
        var groups: [AmountGroup] = []
        for index in indexes {
            let observation = observations[index]
            let value = observation.value
            guard let amount = value.amount ?? value.percent else { continue }
            let currency = fixed ?? value.currency
            if let existing = groups.firstIndex(where: { $0.currency == currency && $0.amount == amount }) {
                groups[existing].members.append(index)
                groups[existing].unit = max(groups[existing].unit, observation.unit)
                groups[existing].approximate = groups[existing].approximate || value.approximate == true
                groups[existing].sources.append("\(value.source):\(value.line)")
                groups[existing].documents.insert(value.document ?? value.source)
                if groups[existing].usd == nil, let usd = value.usd {
                    groups[existing].usd = usd
                    groups[existing].conversion = observation.conversion
                }
                if let conversion = observation.conversion, conversion.origin == .sameArticle,
                   conversion.rate.value == groups[existing].conversion?.rate.value, !groups[existing].statedBy.contains(conversion.source) {
                    groups[existing].statedBy.append(conversion.source)
                }
            } else {
                groups.append(AmountGroup(currency: currency, amount: amount, members: [index], unit: observation.unit,
                                          approximate: value.approximate == true, usd: value.usd, conversion: observation.conversion,
                                          statedBy: observation.conversion.map { $0.origin == .sameArticle ? [$0.source] : [] } ?? [],
                                          text: value.text, sources: ["\(value.source):\(value.line)"], documents: [value.document ?? value.source]))
            }
        }
        return groups
    }

    /// An agreement between two groups: its kind, the rate it relied on, why.
    struct Agreement {
        var kind: Finding.Kind
        var rate: Rate?
        var explanation: String
    }

    private func amountFindings(_ groups: [AmountGroup]) -> [Finding] {
        guard let first = groups.first else { return [] }
        if groups.count == 1 {
            guard first.documents.count > 1 else { return [] }
            return [Finding(kind: .consistent, values: first.members,
                            explanation: "\(first.documents.count) articles state \(first.quoted) (\(first.sources.joined(separator: ", "))).")]
        }
        let hasCurrency = groups.contains { $0.currency != nil }
        let ranked = Self.ranked(groups)
        let stated = ranked.filter { !hasCurrency || groups[$0].currency != nil }
        let unnamed = ranked.filter { hasCurrency && groups[$0].currency == nil }
        var findings: [Finding] = []
        var placed = [stated[0]]
        var pending: [Int] = []
        for candidate in stated.dropFirst() {
            let partners = placed.filter { groups[$0].currency == groups[candidate].currency } + placed.filter { groups[$0].currency != groups[candidate].currency }
            let match = partners.lazy.compactMap { partner in self.agreement(groups[candidate], groups[partner]).map { (partner, $0) } }.first
            if let (partner, agreement) = match {
                findings.append(finding(agreement, groups[candidate], groups[partner]))
                placed.append(candidate)
            } else {
                pending.append(candidate)
            }
        }
        for candidate in pending {
            let partner = placed.first { groups[$0].currency == groups[candidate].currency } ?? stated[0]
            if let discrepancy = discrepancy(groups[candidate], groups[partner], among: stated.map { groups[$0] }) {
                findings.append(discrepancy)
            }
        }
        for candidate in unnamed {
            findings.append(unnamedFinding(groups[candidate], among: stated.map { groups[$0] }))
        }
        return findings
    }

    /// Group indexes, the best-supported first: most values, then most digits shown, then
    /// first stated. The first is the reference the others are compared with.
    static func ranked(_ groups: [AmountGroup]) -> [Int] {
        groups.enumerated()
            .map { (index: $0.offset, key: [-$0.element.members.count, -$0.element.digits, $0.offset]) }
            .sorted { $0.key.lexicographicallyPrecedes($1.key) }
            .map(\.index)
    }

    /// A range or open bound ("$10-15 million", "more than $10 million", "10-15%") against
    /// the best-supported amount or percentage: consistent when it lies inside, within the
    /// texts' precision (after conversion where the currencies differ), else a discrepancy.
    private func rangeFindings(_ indexes: [Int], against groups: [AmountGroup], in observations: [Observation]) -> [Finding] {
        let ranked = Self.ranked(groups).map { groups[$0] }
        return indexes.compactMap { index -> Finding? in
            let observation = observations[index]
            let value = observation.value
            guard let range = value.range ?? value.percentRange else { return nil }
            let slack = value.approximate == true ? observation.unit * settings.approximateUnits : observation.unit.divided(by: 2, scale: 20)
            let quoted = "“\(value.text)”"
            func inside(_ amount: ExactDecimal, tolerance: ExactDecimal, bounds: (min: ExactDecimal?, max: ExactDecimal?)) -> Bool {
                (bounds.min.map { amount + tolerance >= $0 } ?? true) && (bounds.max.map { amount - tolerance <= $0 } ?? true)
            }
            if let partner = ranked.first(where: { value.currency == nil || $0.currency == value.currency }) {
                let fits = inside(partner.amount, tolerance: partner.tolerance(settings) + slack, bounds: (range.min, range.max))
                return Finding(kind: fits ? .consistent : .discrepancy, values: ([index] + partner.members).sorted(),
                               explanation: fits ? "\(quoted) includes \(partner.quoted)." : "\(quoted) cannot include \(partner.quoted): it lies outside, beyond what the texts' precision allows.")
            }
            guard let conversion = observation.conversion,
                  let partner = ranked.first(where: { dollars($0) != nil }), let target = dollars(partner) else { return nil }
            let bounds = (range.min.map(conversion.apply), range.max.map(conversion.apply))
            let rangeSlack = conversion.apply(slack) + (bounds.0 ?? bounds.1 ?? 0) * conversion.spread
            let fits = inside(target.usd, tolerance: target.slack + rangeSlack, bounds: bounds)
            let clause = Self.rateClause(conversion)
            return Finding(kind: fits ? .consistent : .discrepancy, values: ([index] + partner.members).sorted(), rate: conversion.rate,
                           explanation: fits ? "\(quoted) includes \(partner.quoted) \(clause)." : "\(quoted) cannot include \(partner.quoted) \(clause): it lies outside, beyond what the texts' precision and the rate's spread allow.")
        }
    }

    private func finding(_ agreement: Agreement, _ lhs: AmountGroup, _ rhs: AmountGroup) -> Finding {
        Finding(kind: agreement.kind, values: (lhs.members + rhs.members).sorted(), rate: agreement.rate, explanation: agreement.explanation)
    }

    /// How `candidate` agrees with `partner`, if it does: the same amount, one rounded from
    /// the other, within the texts' precision, or the same sum once converted.
    func agreement(_ candidate: AmountGroup, _ partner: AmountGroup) -> Agreement? {
        if candidate.currency == partner.currency { return sameCurrencyAgreement(candidate, partner) }
        return conversionAgreement(candidate, partner)
    }

    private func sameCurrencyAgreement(_ a: AmountGroup, _ b: AmountGroup) -> Agreement? {
        if a.amount == b.amount {
            return Agreement(kind: .consistent, explanation: "\(a.quoted) and \(b.quoted) state the same amount.")
        }
        for (coarse, fine) in [(a, b), (b, a)] where coarse.unit > fine.unit && fine.amount.rounded(to: coarse.unit) == coarse.amount {
            return Agreement(kind: .rounding, explanation: "\(coarse.quoted) is \(fine.quoted) rounded to \(AmountWording.nearest(coarse.unit)), the digits it shows.")
        }
        let difference = (a.amount - b.amount).magnitude
        // Strictly less: "$15 million" and "$16 million" only meet at the edge of their halves.
        guard difference < a.tolerance(settings) + b.tolerance(settings) else { return nil }
        let allowance = a.approximate || b.approximate ? "what “about” and the digits shown allow" : "the precision the texts show"
        return Agreement(kind: .consistent, explanation: "\(a.quoted) and \(b.quoted) differ by \(AmountWording.phrase(difference, currency: a.currency)), within \(allowance).")
    }

    /// Both groups in US dollars, with the slack their precision and rates allow.
    private func dollars(_ group: AmountGroup) -> (usd: ExactDecimal, slack: ExactDecimal)? {
        let tolerance = group.tolerance(settings)
        if group.currency == CurrencyConverter.usd { return (group.amount, tolerance) }
        guard let usd = group.usd, let conversion = group.conversion else { return nil }
        return (usd, conversion.apply(tolerance) + usd * conversion.spread)
    }

    private func conversionAgreement(_ a: AmountGroup, _ b: AmountGroup) -> Agreement? {
        guard a.currency != "%", let left = dollars(a), let right = dollars(b) else { return nil }
        guard (left.usd - right.usd).magnitude <= left.slack + right.slack else { return nil }
        let conversion = a.conversion ?? b.conversion
        let (converted, target) = a.conversion != nil ? (a, b) : (b, a)
        let clause = conversion.map { Self.rateClause($0, statedBy: converted.statedBy) } ?? "in US dollars"
        let explanation: String
        if target.currency == CurrencyConverter.usd, let usd = converted.usd, usd == target.amount {
            explanation = "\(converted.quoted) is \(target.quoted) \(clause)."
        } else if target.currency == CurrencyConverter.usd, let usd = converted.usd {
            explanation = "\(converted.quoted) is \(AmountWording.phrase(usd, currency: CurrencyConverter.usd, digits: 4)) \(clause), which agrees with \(target.quoted) within the texts' precision and the rate's day-to-day spread."
        } else {
            explanation = "\(a.quoted) and \(b.quoted) are the same sum in US dollars (\(AmountWording.phrase(left.usd, currency: CurrencyConverter.usd, digits: 4)) and \(AmountWording.phrase(right.usd, currency: CurrencyConverter.usd, digits: 4))), converted \(clause), within the texts' precision and the rates' spread."
        }
        return Agreement(kind: .consistentAfterConversion, rate: conversion?.rate, explanation: explanation)
    }

    /// "at the rate the article states (1 EUR = 1.0867 USD, Corpus/004.txt:20)"; "the
    /// articles state" with each place where several state the same rate.
    static func rateClause(_ conversion: Conversion, statedBy: [String] = []) -> String {
        let rate = conversion.rate
        let quoted = "1 \(rate.from) = \(rate.value) \(rate.to)"
        switch conversion.origin {
        case .sameArticle where statedBy.count > 1: return "at the rate the articles state (\(quoted), \(statedBy.joined(separator: " and ")))"
        case .sameArticle: return "at the rate the article states (\(quoted), \(rate.source))"
        case .corpus: return "at the rate another article states for that date (\(quoted), \(rate.source))"
        case .table: return "at the ECB's mean rate for \(conversion.period ?? "") (\(quoted), from the dated rate table)"
        case .reference: return "at the ECB's mean rate for \(conversion.period ?? ""), the run's reference date, as the document states no usable date (\(quoted))"
        }
    }

    private func discrepancy(_ candidate: AmountGroup, _ partner: AmountGroup, among groups: [AmountGroup]) -> Finding? {
        var rate: Rate?
        var explanation: String
        if candidate.currency == partner.currency {
            let difference = (candidate.amount - partner.amount).magnitude
            explanation = "\(candidate.quoted) and \(partner.quoted) differ by \(AmountWording.phrase(difference, currency: candidate.currency)), more than the digits they show allow"
        } else if let left = dollars(candidate), let right = dollars(partner) {
            let conversion = candidate.conversion ?? partner.conversion
            rate = conversion?.rate
            let clause = conversion.map { Self.rateClause($0) } ?? "in US dollars"
            explanation = "\(candidate.quoted) cannot be \(partner.quoted): \(clause) they are \(AmountWording.phrase(left.usd, currency: CurrencyConverter.usd, digits: 4)) and \(AmountWording.phrase(right.usd, currency: CurrencyConverter.usd, digits: 4)), further apart than the texts' precision and the rate's spread allow"
        } else {
            return nil
        }
        let sameCurrency = groups.filter { $0.currency == candidate.currency && $0.amount != candidate.amount }
        let hint = hint(for: candidate, among: sameCurrency)
        let members = (candidate.members + partner.members + (hint?.group.members ?? [])).uniqueSorted()
        return Finding(kind: .discrepancy, values: members, rate: rate, explanation: explanation + (hint.map { "; " + $0.text } ?? "") + ".")
    }

    /// A value that names no currency, read in every currency the fact holds: a finding
    /// for the first reading that fits, else a discrepancy with a hint where one explains it.
    private func unnamedFinding(_ candidate: AmountGroup, among groups: [AmountGroup]) -> Finding {
        var currencies: [String] = []
        for group in groups { if let currency = group.currency, !currencies.contains(currency) { currencies.append(currency) } }
        // The same amount in some currency first, then any agreement.
        for exactly in [true, false] {
            for currency in currencies {
                let reading = candidate.read(as: currency)
                for group in groups where group.currency == currency && (!exactly || group.amount == candidate.amount) {
                    guard let agreement = sameCurrencyAgreement(reading, group) else { continue }
                    return Finding(kind: agreement.kind, values: (candidate.members + group.members).sorted(),
                                   explanation: "\(candidate.quoted) names no currency; read as \(currency): " + agreement.explanation)
                }
            }
        }
        let readings = currencies.map { currency in
            "as \(currency) it would be \(AmountWording.phrase(candidate.amount, currency: currency)), against "
                + groups.filter { $0.currency == currency }.map(\.quoted).joined(separator: ", ")
        }
        let hint = hint(for: candidate, among: groups)
        let members = (candidate.members + (hint?.group.members ?? groups.first?.members ?? [])).uniqueSorted()
        return Finding(kind: .discrepancy, values: members,
                       explanation: "\(candidate.quoted) names no currency and fits none of the sums stated (\(readings.joined(separator: "; ")))"
                           + (hint.map { "; " + $0.text } ?? "") + ".")
    }

    /// What would explain `candidate` as a slip for one of `groups`: a dropped leading digit
    /// ("6 million" for "16 million") or a scale slip (thousand for million).
    private func hint(for candidate: AmountGroup, among groups: [AmountGroup]) -> (text: String, group: AmountGroup)? {
        guard candidate.amount > 0, let exponent = candidate.amount.leadingExponent else { return nil }
        let byAmount = Dictionary(groups.map { ($0.amount, $0) }, uniquingKeysWith: { first, _ in first })
        /// The first group `restored` matches: the same amount, else one rounded from the other.
        func match(_ restored: ExactDecimal, unit: ExactDecimal, exactly: Bool) -> AmountGroup? {
            if exactly { return byAmount[restored] }
            return groups.first { group in
                (restored - group.amount).magnitude < max(unit, group.unit)
                    && (group.amount.rounded(to: unit) == restored || restored.rounded(to: group.unit) == group.amount)
            }
        }
        let leading = ExactDecimal.power(ofTen: exponent + 1)
        let droppedDigits = (1...9).map { digit in
            (amount: candidate.amount + ExactDecimal(digit) * leading, unit: candidate.unit, slip: "a dropped leading “\(digit)”")
        }
        let scaleSlips = settings.scaleFactors.flatMap { factor in
            [(amount: candidate.amount * factor, unit: candidate.unit * factor, slip: "a scale slip by a factor of \(AmountWording.grouped(factor))"),
             (amount: candidate.amount.divided(by: factor, scale: 20), unit: candidate.unit.divided(by: factor, scale: 20), slip: "a scale slip by a factor of \(AmountWording.grouped(factor))")]
        }
        for family in [droppedDigits, scaleSlips] {
            for exactly in [true, false] {
                for restored in family {
                    if let group = match(restored.amount, unit: restored.unit, exactly: exactly) {
                        return ("\(restored.slip) would make it \(AmountWording.phrase(restored.amount, currency: nil)), which matches \(group.quoted) (\(group.sources[0]))", group)
                    }
                }
            }
        }
        return nil
    }
}

extension Array where Element == Int {
    /// The indexes once each, in order.
    func uniqueSorted() -> [Int] { Array(Set(self)).sorted() }
}
