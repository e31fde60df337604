import ReconPlatform
import Dispatch
import Foundation

extension AtomicFile {
    /// Files written as they are made and put in place together at the end, each as
    /// ``AtomicFile/write(_:)`` writes it: a temporary file beside the target, flushed to disk,
    /// then renamed over the target.
    ///
    /// A replay makes its 47 run folders one by one while it goes; handing each run's files
    /// over as soon as they are made lets their writing and flushing, which mostly wait on the
    /// disk, overlap the work still to do, and leaves only the renames for the end.
    ///
    /// ```swift
    /// let batch = AtomicFile.Batch()
    /// batch.stage(files, order: 0)      // returns at once; written on a thread of the batch's
    /// try batch.commit()                // waits, then renames in `order`
    /// ```
    ///
    /// What a reader sees is what ``AtomicFile/write(_:)`` gives for the files in `order`: targets
    /// are renamed in that order; when a file cannot be written (or its `prepare` fails), the files
    /// before it are still put in place, none after it is, the error is thrown and no temporary file
    /// is left. Without ``commit()``, ``discard()`` removes every temporary file.
    public final class Batch: @unchecked Sendable {
        // @unchecked Sendable: `staged` and `failure` are touched only on `queue`.
        private let queue = DispatchQueue(label: "recon.atomic-file-batch")
        private var staged: [(order: Int, files: [(path: String, temporary: String)])] = []
        private var failure: (order: Int, error: Error)?
        private var isDone = false

        public init() {}

        /// Writes and flushes `files` to temporary files on the batch's thread, after `prepare`
        /// (making their folder, say). Returns at once. `order` places them among the others. After
        /// ``commit()`` or ``discard()`` the files are not written.
        public func stage(_ files: [(path: String, bytes: [UInt8])], order: Int, prepare: (@Sendable () throws -> Void)? = nil) {
            queue.async { [self] in
                // A finished batch takes no more files (a replay interrupted while it still runs
                // hands over files after the discard); one that will not put them in place skips them.
                if isDone { return }
                if let failure, failure.order < order { return }
                do {
                    try prepare?()
                    staged.append((order, try AtomicFile.writeFlushed(files)))
                } catch {
                    if failure == nil || order < failure!.order { failure = (order, error) }
                }
            }
        }

        /// Waits for every staged file, renames them over their targets in `order` up to the first
        /// that failed, flushes the folders, and throws that failure if there was one.
        /// - Throws: ``OutputError`` for a file that could not be put in place, or when the batch was
        ///   already committed or discarded (an interrupt discards it while the command goes on).
        public func commit() throws {
            guard let (staged, failure) = finish() else {
                throw OutputError(path: "(output)", message: "the files were discarded before they were put in place")
            }
            var renameError: Error?
            var folders: [String] = []
            for (order, files) in staged.sorted(by: { $0.order < $1.order }) {
                for file in files {
                    if renameError != nil || (failure.map { order > $0.order } ?? false) {
                        unlink(file.temporary)
                        continue
                    }
                    if rename(file.temporary, file.path) != 0 {
                        renameError = AtomicFile.failure(file.path, "cannot replace the file")
                        unlink(file.temporary)
                        continue
                    }
                    let folder = AtomicFile.split(file.path).0
                    if !folders.contains(folder) { folders.append(folder) }
                }
            }
            AtomicFile.syncFolders(folders)
            if let error = renameError ?? failure?.error { throw error }
        }

        /// Waits for every staged file and removes the temporary files: nothing is put in place.
        /// After ``commit()`` or another discard it does nothing (an interrupt may come at any time).
        public func discard() {
            guard let (staged, _) = finish() else { return }
            for (_, files) in staged {
                for file in files { unlink(file.temporary) }
            }
        }

        /// What was staged, once: `nil` when the batch was already committed or discarded.
        private func finish() -> (staged: [(order: Int, files: [(path: String, temporary: String)])], failure: (order: Int, error: Error)?)? {
            queue.sync {
                guard !isDone else { return nil }
                isDone = true
                return (staged, failure)
            }
        }
    }

    /// Temporary files beside each target holding its bytes, each written before the first is
    /// flushed to disk, then closed; on a failure, those written are removed and it is thrown.
    static func writeFlushed(_ files: [(path: String, bytes: [UInt8])]) throws -> [(path: String, temporary: String)] {
        var written: [(path: String, temporary: String, descriptor: Int32)] = []
        do {
            for file in files {
                let temporary = try writeTemporary(file.bytes, for: file.path)
                written.append((file.path, temporary.temporary, temporary.descriptor))
            }
        } catch {
            for file in written { close(file.descriptor); unlink(file.temporary) }
            throw error
        }
        if let firstError = flushAndClose(written.map { ($0.path, $0.descriptor) }).lazy.compactMap({ $0 }).first {
            for file in written { unlink(file.temporary) }
            throw firstError
        }
        return written.map { ($0.path, $0.temporary) }
    }
}
