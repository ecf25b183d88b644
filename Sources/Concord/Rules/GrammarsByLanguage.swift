import Synchronization

/// When a stage compiles the rules of its languages.
public enum GrammarCompilation: Sendable {
    /// Every language at once, when the stage is made: a rule that does not compile is an error
    /// of the stage's initializer (`concord rules check`, the tests).
    case eager
    /// Each language the first time a document in it asks for its grammar: a run over a corpus
    /// in one language never compiles the patterns of the others (the English Reuters corpus
    /// skips about a third of the startup instructions). A rule that does not compile is then
    /// an error of each document in its language; the others are unaffected.
    case onFirstUse
}

/// A stage's grammar for each language with rules, English's standing in for a language
/// without one. Shared by the batch's workers: each grammar is made once, under a lock held only
/// while it is looked up or made.
public final class GrammarsByLanguage<Grammar: Sendable>: Sendable {
    /// The languages with rules, sorted.
    public let languages: [String]
    private let make: @Sendable (String) throws -> Grammar
    private let made = Mutex<[String: Result<Grammar, any Error>]>([:])

    /// `make` builds the grammar of one of `languages`.
    init(languages: some Sequence<String>, compilation: GrammarCompilation, make: @escaping @Sendable (String) throws -> Grammar) throws {
        self.languages = Set(languages).sorted()
        self.make = make
        if compilation == .eager {
            for language in self.languages { _ = try grammar(for: language) }
        }
    }

    /// The grammar of `language`, English's when it has no rules, nil when neither has.
    /// Throws, each time it is asked, the error that kept the grammar from being made.
    public func grammar(for language: String) throws -> Grammar? {
        guard let key = [language, "en"].first(where: languages.contains) else { return nil }
        return try made.withLock { made in
            if let result = made[key] { return result }
            let result = Result { try make(key) }
            made[key] = result
            return result
        }.get()
    }
}
