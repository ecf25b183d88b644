import Foundation

/// Turns the paths on the command line into ``Input``s: files as given, directories walked
/// recursively in path order (names compared byte by byte, a directory's files where its name
/// sorts) with hidden entries skipped, `-` as stdin. Whatever cannot be used (a missing path,
/// an unlistable directory, a symlink loop, a broken link, a FIFO or socket inside a
/// directory) becomes a failure in its place, so nothing is dropped silently.
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
            switch Self.status(of: path) {
            case let .failure(failure):
                results.append(.failure(failure))
            case let .success(info) where info.isDirectory:
                let root = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
                walk(directory: root, relative: "", ancestors: [info.identity], into: &results)
            case let .success(info):
                let name = (path as NSString).lastPathComponent
                results.append(.success(Input(kind: .file, path: path, id: Self.stripExtension(name), isExplicit: true, size: info.size)))
            }
        }
        return results
    }

    private func walk(directory: String, relative: String, ancestors: [FileIdentity], into results: inout [Result<Input, InputFailure>]) {
        let full = relative.isEmpty ? directory : directory + "/" + relative
        guard let stream = opendir(full) else {
            results.append(.failure(InputFailure(path: full, reason: "cannot list the directory: " + InputFailure.reason(errno: errno))))
            return
        }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name.hasPrefix(".") { continue }  // hidden, and . and ..
            names.append(name)
        }
        closedir(stream)
        names.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for name in names {
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            let childPath = directory + "/" + childRelative
            switch Self.status(of: childPath) {
            case let .failure(failure):
                results.append(.failure(failure))
            case let .success(info) where info.isDirectory:
                if ancestors.contains(info.identity) {
                    results.append(.failure(InputFailure(path: childPath, reason: "symlink loop (leads back to a directory above it); skipped")))
                } else {
                    walk(directory: directory, relative: childRelative, ancestors: ancestors + [info.identity], into: &results)
                }
            case let .success(info) where !info.isRegular:
                results.append(.failure(InputFailure(path: childPath, reason: "not a regular file (\(info.kindName)); skipped")))
            case let .success(info):
                results.append(.success(Input(kind: .file, path: childPath, id: Self.stripExtension(childRelative), isExplicit: false, size: info.size)))
            }
        }
    }

    /// Device and inode: what tells whether a directory was already entered.
    struct FileIdentity: Equatable {
        var device: UInt64
        var inode: UInt64
    }

    /// What `stat` says about a path (following symbolic links).
    struct FileInfo {
        var identity: FileIdentity
        var mode: mode_t
        var size: Int

        var isDirectory: Bool { mode & S_IFMT == S_IFDIR }
        var isRegular: Bool { mode & S_IFMT == S_IFREG }

        /// The kind of a file that is not regular, in plain words.
        var kindName: String {
            switch mode & S_IFMT {
            case S_IFIFO: return "a FIFO"
            case S_IFSOCK: return "a socket"
            case S_IFCHR: return "a character device"
            case S_IFBLK: return "a block device"
            default: return "a special file"
            }
        }
    }

    static func status(of path: String) -> Result<FileInfo, InputFailure> {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            var linkInfo = stat()
            if code == ENOENT, lstat(path, &linkInfo) == 0, linkInfo.st_mode & S_IFMT == S_IFLNK {
                return .failure(InputFailure(path: path, reason: "broken symbolic link"))
            }
            return .failure(InputFailure(path: path, reason: InputFailure.reason(errno: code)))
        }
        return .success(FileInfo(identity: FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)), mode: info.st_mode, size: Int(info.st_size)))
    }

    static func stripExtension(_ name: String) -> String {
        let last = (name as NSString).lastPathComponent
        guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return name }
        return String(name.dropLast(last.distance(from: dot, to: last.endIndex)))
    }
}
