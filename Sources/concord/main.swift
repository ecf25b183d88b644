import ArgumentParser
import Foundation

// Parse errors are usage errors: exit status 2 (CONTRACT.md), not ArgumentParser's 64.
do {
    var command = try ConcordCommand.parseAsRoot()
    try command.run()
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch {
    let code = ConcordCommand.exitCode(for: error)
    if code == .success {
        print(ConcordCommand.fullMessage(for: error))
        Foundation.exit(0)
    }
    FileHandle.standardError.write(Data((ConcordCommand.fullMessage(for: error) + "\n").utf8))
    Foundation.exit(2)
}
