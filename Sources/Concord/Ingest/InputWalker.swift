import Foundation

/// Turns the paths on the command line into ``Input``s: files as given, directories walked
/// recursively in path order with hidden entries skipped, `-` as stdin. Paths that do not
/// exist become failures, so nothing is dropped silently.
public struct InputWalker: Sendable {
    public init() {}

    /// The inputs for `paths`, in order: each path's files sorted by path.
    public func inputs(for paths: [String]) -> [Result<Input, InputFailure>] {
        var results: [Result<Input, InputFailure>] = []
        for path in paths {
            if path == "-" {
                results.append(.success(.standardInput))
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                results.append(.failure(InputFailure(path: path, reason: "no such file or directory")))
                continue
            }
            if isDirectory.boolValue {
                results.append(contentsOf: walk(directory: path))
            } else {
                let name = (path as NSString).lastPathComponent
                results.append(.success(Input(kind: .file, path: path, id: Self.stripExtension(name))))
            }
        }
        return results
    }

    private func walk(directory: String) -> [Result<Input, InputFailure>] {
        let root = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        guard let enumerator = FileManager.default.enumerator(atPath: root) else {
            return [.failure(InputFailure(path: directory, reason: "cannot list the directory"))]
        }
        var relatives: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let components = relative.split(separator: "/")
            if components.contains(where: { $0.hasPrefix(".") }) { continue }
            var isDirectory: ObjCBool = false
            let full = root + "/" + relative
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), isDirectory.boolValue { continue }
            relatives.append(relative)
        }
        return relatives.sorted().map { relative in
            .success(Input(kind: .file, path: root + "/" + relative, id: Self.stripExtension(relative)))
        }
    }

    static func stripExtension(_ name: String) -> String {
        let last = (name as NSString).lastPathComponent
        guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return name }
        return String(name.dropLast(last.distance(from: dot, to: last.endIndex)))
    }
}
