/// Turns the parts a date form captured into a value: absolute dates as precise as the
/// text ("Feb. 27, 2024" → day, "November 2023" → month, "Q3 2023" → year), relative ones
/// ("yesterday", "in June", "Jan. 25", "on Tuesday") against an anchor day, looking back
/// in time as news does, except that a day and month without a year take the nearest year.
struct DateResolver {
    /// What a date mention resolves to.
    enum Resolution: Equatable {
        case absolute(DateValue)
        /// nil when there is no anchor.
        case relative(DateValue?)
    }

    let vocabulary: DateVocabulary

    /// The value of `parts`, or nil when they do not make a date (February 30, month 13).
    func resolve(_ parts: [DateGrammar.Field: String], dayFirst: Bool, anchor: CalendarDay?) -> Resolution? {
        let year = parts[.year].flatMap { Int($0) }
        var month = parts[.month].flatMap(monthNumber)
        var day = parts[.day].flatMap { Int($0) }
        if let a = parts[.a].flatMap({ Int($0) }), let b = parts[.b].flatMap({ Int($0) }) {
            // Impossibility settles the order first, the language second.
            let readDayFirst = a > 12 ? true : b > 12 ? false : dayFirst
            (day, month) = readDayFirst ? (a, b) : (b, a)
        }
        if let year {
            if let month, let day { return CalendarDay(year: year, month: month, day: day).map { .absolute(.day($0)) } }
            if let month { return (1...12).contains(month) ? .absolute(.month(year: year, month: month)) : nil }
            return .absolute(.year(year))
        }
        if let month, let day {
            guard (1...12).contains(month), day >= 1, day <= 31 else { return nil }
            guard let anchor else { return .relative(nil) }
            let nearest = [anchor.year - 1, anchor.year, anchor.year + 1]
                .compactMap { CalendarDay(year: $0, month: month, day: day) }
                .min { abs($0.dayNumber - anchor.dayNumber) < abs($1.dayNumber - anchor.dayNumber) }
            return nearest.map { .relative(.day($0)) }
        }
        guard let anchor else {
            return month != nil || parts[.weekday] != nil || parts[.relative] != nil || parts[.count] != nil ? .relative(nil) : nil
        }
        if let month {
            // The last such month up to the anchor's ("in June", written in February 2024: June 2023).
            let year = month <= anchor.month ? anchor.year : anchor.year - 1
            return .relative(.month(year: year, month: month))
        }
        if let weekday = parts[.weekday].flatMap({ vocabulary.weekdays[DateVocabulary.key($0)] }) {
            return .relative(.day(anchor.adding(days: -((anchor.weekday - weekday + 7) % 7))))
        }
        if let phrase = parts[.relative], let shift = vocabulary.relative[DateVocabulary.key(phrase)] {
            return .relative(Self.shifted(anchor, by: shift))
        }
        if let countText = parts[.count], let unitText = parts[.unit], let unit = vocabulary.units[DateVocabulary.key(unitText)] {
            guard let count = Int(countText) ?? vocabulary.numbers[DateVocabulary.key(countText)] else { return nil }
            return .relative(Self.shifted(anchor, by: .init(unit: unit, amount: -count)))
        }
        return nil
    }

    private func monthNumber(_ text: String) -> Int? {
        Int(text) ?? vocabulary.months[DateVocabulary.key(text)]
    }

    /// A day for days; the month a week falls in (a week is not a day); a month; a year.
    static func shifted(_ anchor: CalendarDay, by shift: DateVocabulary.Shift) -> DateValue {
        switch shift.unit {
        case .day:
            return .day(anchor.adding(days: shift.amount))
        case .week:
            let day = anchor.adding(days: 7 * shift.amount)
            return .month(year: day.year, month: day.month)
        case .month:
            let (year, month) = anchor.month(adding: shift.amount)
            return .month(year: year, month: month)
        case .year:
            return .year(anchor.year + shift.amount)
        }
    }
}
