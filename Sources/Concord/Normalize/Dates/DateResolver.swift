/// Turns the parts a date form captured into a value: absolute dates as precise as the
/// text ("Feb. 27, 2024" → a day, "November 2023" → its month, "Q3 2023" → July to
/// September), relative ones ("yesterday", "in June", "Jan. 25", "on Tuesday", "last week",
/// "the third quarter", "in the autumn") against an anchor day, looking back in time as news
/// does (a month, quarter, half or season without a year is the last one begun by the
/// anchor, unless the text says "of this year", "last", or that it is to come: "will open
/// in June"), except that a day and month
/// without a year take the nearest year unless the text says they are past.
struct DateResolver {
    /// What a date mention resolves to.
    enum Resolution: Equatable {
        case absolute(DateValue)
        /// nil when there is no anchor.
        case relative(DateValue?)

        var value: DateValue? {
            switch self {
            case let .absolute(value): return value
            case let .relative(value): return value
            }
        }

        var isRelative: Bool {
            if case .relative = self { return true }
            return false
        }
    }

    let vocabulary: DateVocabulary

    /// The last day up to `latest` that a day and month without a year can be (a dateline
    /// is no later than its story is published), or nil when `parts` are no such day.
    func lastDay(_ parts: DateParts, dayFirst: Bool, upTo latest: CalendarDay) -> CalendarDay? {
        var past = parts
        past[.past] = "up to"  // read as said to be past: the last such day up to the anchor
        guard let value = resolve(past, dayFirst: dayFirst, anchor: latest)?.value, value.isDay else { return nil }
        return value.first
    }

    /// The value of `parts`, or nil when they do not make a date (February 30, month 13).
    /// A span ("March 3-5, 2024", "du 3 au 5 mars", "from March to June 2024") runs from its
    /// first day (the 1st of its first month when it names no day) to the last day of what its
    /// end resolves to, in that end's month unless the span names one first; one whose first
    /// day is no earlier than its last ("March 5-3": a score, not a span) is no date. A span
    /// across New Year ("December 30 to January 2, 2025") has no value of one year, month or
    /// day that holds it: it is its end's.
    func resolve(_ parts: DateParts, dayFirst: Bool, anchor: CalendarDay?) -> Resolution? {
        if let firstYear = parts[.firstYear] { return Self.fiscalYear(from: firstYear, to: parts[.year]).map { .absolute($0) } }
        guard parts[.firstDay] != nil || parts[.firstMonth] != nil else { return resolveDate(parts, dayFirst: dayFirst, anchor: anchor) }
        guard let resolution = resolveDate(parts, dayFirst: dayFirst, anchor: anchor) else { return nil }
        guard let last = resolution.value?.last else { return resolution }
        var firstMonth = last.month, firstDay = 1
        if let text = parts[.firstMonth] {
            guard let month = monthNumber(text) else { return nil }
            firstMonth = month
        }
        if let text = parts[.firstDay] {
            guard let day = Int(text) else { return nil }
            firstDay = day
        }
        guard firstMonth <= last.month else { return resolution }
        guard let first = CalendarDay(year: last.year, month: firstMonth, day: firstDay), first < last else { return nil }
        let span = DateValue(first: first, last: last)
        return resolution.isRelative ? .relative(span) : .absolute(span)
    }

    /// The value of `parts` without a span's first day and month.
    private func resolveDate(_ parts: DateParts, dayFirst: Bool, anchor: CalendarDay?) -> Resolution? {
        let year = parts[.year].flatMap(Self.yearNumber)
        // No `flatMap(monthNumber)`: the method as a value copied the resolver, its vocabulary's
        // dictionaries retained and released, at each date (measured: 4 M instructions per 1,000
        // Reuters stories).
        var month: Int?
        if let text = parts[.month] { month = monthNumber(text) }
        var day = parts[.day].flatMap { Int($0) ?? vocabulary.dayWords[DateVocabulary.key($0)] }
        if let a = parts[.a].flatMap({ Int($0) }), let b = parts[.b].flatMap({ Int($0) }) {
            // Impossibility settles the order first, the language second.
            let readDayFirst = a > 12 ? true : b > 12 ? false : dayFirst
            (day, month) = readDayFirst ? (a, b) : (b, a)
        }
        // A quarter, half or season (months counted from its first): of the year stated, else
        // of the anchor's year.
        let fraction: (months: Int, first: Int)?
        if let quarter = parts[.quarter].flatMap({ Int($0) ?? vocabulary.quarters[DateVocabulary.key($0)] }) {
            guard (1...4).contains(quarter) else { return nil }
            fraction = (3, (quarter - 1) * 3 + 1)
        } else if let half = parts[.half].flatMap({ Int($0) ?? vocabulary.halves[DateVocabulary.key($0)] }) {
            guard (1...2).contains(half) else { return nil }
            fraction = (6, (half - 1) * 6 + 1)
        } else if let season = parts[.season].flatMap({ vocabulary.seasons[DateVocabulary.key($0)] }) {
            fraction = (3, season)
        } else {
            fraction = nil
        }
        if let fraction {
            let first = fraction.first
            if let year { return DateValue.months(fraction.months, from: first, of: year).map { .absolute($0) } }
            // The anchor's year where the text says so; the first such one not over by the
            // anchor where the text speaks of what is to come; the last one over by it where
            // the text says it is past ("last summer"); else the last one begun by it.
            return .relative(anchor.flatMap { anchor in
                let last = first + fraction.months - 1
                let year = parts[.current] != nil ? anchor.year
                    : parts[.upcoming] != nil ? (last >= anchor.month ? anchor.year : anchor.year + 1)
                    : parts[.past] != nil ? (last < anchor.month ? anchor.year : anchor.year - 1)
                    : first <= anchor.month ? anchor.year : anchor.year - 1
                return DateValue.months(fraction.months, from: first, of: year)
            })
        }
        if let year, let week = parts[.week].flatMap({ Int($0) }) {
            return DateValue.week(week, of: year).map { .absolute($0) }
        }
        if let year {
            if let month, let day { return CalendarDay(year: year, month: month, day: day).map { .absolute(.day($0)) } }
            if let month { return DateValue.month(year: year, month: month).map { .absolute($0) } }
            return .absolute(.year(year))
        }
        if let month, let day {
            guard (1...12).contains(month), day >= 1, day <= 31 else { return nil }
            guard let anchor else { return .relative(nil) }
            // Of the years around the anchor's, the nearest such day; said to be past ("le 1er avril
            // dernier"), the last such day up to the anchor; said to come ("will pay on Dec. 15"),
            // the first from the anchor on. A loop, not an array of the three days: its
            // allocation and appends cost 3 M instructions per 1,000 Reuters stories.
            let isPast = parts[.past] != nil, isUpcoming = parts[.upcoming] != nil
            var chosen: CalendarDay?
            for year in anchor.year - 1...anchor.year + 1 {
                guard let candidate = CalendarDay(year: year, month: month, day: day) else { continue }
                if isPast {
                    if candidate.dayNumber <= anchor.dayNumber { chosen = candidate }
                } else if isUpcoming {
                    if chosen == nil, candidate.dayNumber >= anchor.dayNumber { chosen = candidate }
                } else if Self.isNearer(candidate, than: chosen, to: anchor) {
                    chosen = candidate
                }
            }
            return chosen.map { .relative(.day($0)) }
        }
        guard let anchor else {
            return month != nil || parts[.weekday] != nil || parts[.relative] != nil || parts[.count] != nil ? .relative(nil) : nil
        }
        if let month {
            // The last such month up to the anchor's ("in June", written in February 2024: June
            // 2023); said to be past ("last March", "lo scorso marzo"), the last one before it;
            // said to be to come ("will open in June", "next June"), the first one not over.
            if parts[.upcoming] != nil {
                return DateValue.month(year: month >= anchor.month ? anchor.year : anchor.year + 1, month: month).map { .relative($0) }
            }
            let isThisYear = parts[.past] != nil ? month < anchor.month : month <= anchor.month
            return DateValue.month(year: isThisYear ? anchor.year : anchor.year - 1, month: month).map { .relative($0) }
        }
        if let weekday = parts[.weekday].flatMap({ vocabulary.weekdays[DateVocabulary.key($0)] }) {
            // The next ("next Tuesday", "mardi prochain"): the first such day after the anchor;
            // said to come ("will meet on Tuesday"): the first from the anchor on, as a month
            // to come is the first not yet over; said to be past ("last Friday", "el viernes
            // pasado"): the last one before the anchor; "this Thursday": the one of the
            // anchor's week. Else, as news tells what has happened, the last such day up to
            // the anchor ("said on Tuesday"). With the day's number and no month ("jeudi 13"):
            // the day of that number and weekday nearest the anchor.
            if let day { return Self.nearestDay(numbered: day, on: weekday, to: anchor).map { .relative(.day($0)) } }
            let shift = parts[.next] != nil ? (weekday - anchor.weekday + 6) % 7 + 1
                : parts[.upcoming] != nil ? (weekday - anchor.weekday + 7) % 7
                : parts[.past] != nil ? -((anchor.weekday - weekday + 6) % 7 + 1)
                : parts[.current] != nil ? weekday - anchor.weekday
                : -((anchor.weekday - weekday + 7) % 7)
            return .relative(.day(anchor.adding(days: shift)))
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

    /// The day numbered `day` that falls on `weekday` nearest the anchor, in the six months
    /// either side of its own, or nil where none does (no "Friday 31" in that year).
    static func nearestDay(numbered day: Int, on weekday: Int, to anchor: CalendarDay) -> CalendarDay? {
        var chosen: CalendarDay?
        for offset in -6...6 {
            let (year, month) = anchor.month(adding: offset)
            guard let candidate = CalendarDay(year: year, month: month, day: day), candidate.weekday == weekday,
                  isNearer(candidate, than: chosen, to: anchor) else { continue }
            chosen = candidate
        }
        return chosen
    }

    /// Whether `candidate` is nearer `anchor` than `chosen` (any day is, when none is chosen).
    private static func isNearer(_ candidate: CalendarDay, than chosen: CalendarDay?, to anchor: CalendarDay) -> Bool {
        chosen.map { abs(candidate.dayNumber - anchor.dayNumber) < abs($0.dayNumber - anchor.dayNumber) } ?? true
    }

    private func monthNumber(_ text: String) -> Int? {
        Int(text) ?? vocabulary.months[DateVocabulary.key(text)]
    }

    /// A fiscal year written across two calendar years ("1987/88", "2023-2024", "1999/00",
    /// "FY23/24", two digits of this century): both of them, as the text does not say where
    /// in the first it starts. Nil unless the second year follows the first.
    static func fiscalYear(from firstText: String, to secondText: String?) -> DateValue? {
        guard let firstNumber = Int(firstText), let secondText, let second = Int(secondText) else { return nil }
        let first = firstText.count == 2 ? 2000 + firstNumber : firstNumber
        let last = secondText.count == 2 ? first - first % 100 + second + (second < first % 100 ? 100 : 0) : second
        guard last == first + 1 else { return nil }
        return DateValue(first: DateValue.year(first).first, last: DateValue.year(last).last)
    }

    /// A four-digit year, or two digits of this century ("3Q23", "Q3 '23").
    private static func yearNumber(_ text: String) -> Int? {
        guard let number = Int(text) else { return nil }
        return text.count == 2 ? 2000 + number : number
    }

    /// The period `shift.amount` units from the anchor's own (a day, the ISO week, the
    /// month, quarter, half or year that holds the anchor), or the part of it before or
    /// after the anchor.
    static func shifted(_ anchor: CalendarDay, by shift: DateVocabulary.Shift) -> DateValue {
        let period: DateValue
        switch shift.unit {
        case .day:
            period = .day(anchor.adding(days: shift.amount))
        case .week:
            period = .week(of: anchor.adding(days: 7 * shift.amount))
        case .month, .quarter, .half:
            let length = shift.unit == .month ? 1 : shift.unit == .quarter ? 3 : 6
            let own = anchor.month - (anchor.month - 1) % length
            let (year, month) = CalendarDay(year: anchor.year, month: own, day: 1)!.month(adding: length * shift.amount)
            period = DateValue.months(length, from: month, of: year)!
        case .year:
            period = .year(anchor.year + shift.amount)
        }
        switch shift.part {
        case .whole: return period
        case .earlier: return DateValue(first: period.first, last: max(period.first, min(anchor, period.last)))
        case .later: return DateValue(first: min(period.last, max(anchor, period.first)), last: period.last)
        }
    }
}
