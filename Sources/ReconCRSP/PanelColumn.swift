import ReconPlatform
import ReconIO

/// The memory of one panel column: a block of `Element`s mapped straight from the kernel.
///
/// Why not an `Array`: a four-million-row panel holds ~190 MB of columns, and on the virtual
/// machines recon runs on, the first touch of a page costs about as much as reading it from the
/// file. Mapping the block ourselves lets us reserve more than will be used (pages never written
/// are never backed), so that a column is written in place and never grown by copying. (Huge
/// pages were tried: they cost more CPU here, and far more when the host has reclaimed them.)
///
/// A storage is filled by one thread while the panel loads (``append(_:)``, ``reserve(_:)``) and
/// is never written again once a ``PanelColumn`` wraps it: that is why it can be shared between
/// threads (`@unchecked Sendable`).
///
/// A storage may also view elements that lie in a mapped panel file (``PanelFile``): it then
/// keeps the file mapped while it lives, and is never written.
final class PanelColumnStorage<Element: BitwiseCopyable>: @unchecked Sendable {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private(set) var capacity: Int
    /// The mapped file whose memory ``base`` points into, for a view.
    private let file: MappedFile?

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        base = PanelColumnStorage.map(elements: self.capacity)
        file = nil
    }

    /// A view of `count` elements at byte `offset` of a mapped file (aligned for `Element`).
    init(viewing file: MappedFile, offset: Int, count: Int) {
        let raw = UnsafeMutableRawPointer(mutating: file.bytes.baseAddress!) + offset
        base = raw.assumingMemoryBound(to: Element.self)
        self.count = count
        capacity = count
        self.file = file
    }

    deinit {
        if file == nil { munmap(base, PanelColumnStorage.byteSize(capacity)) }
    }

    /// Appends one element (the caller has reserved room with ``reserve(_:)``, or not: it grows).
    @inline(__always)
    func append(_ element: Element) {
        if count == capacity { reserve(count + 1) }
        base[count] = element
        count += 1
    }

    /// Sets the number of elements after writing them through ``base`` (never more than ``capacity``).
    func setCount(_ newCount: Int) {
        precondition(newCount >= 0 && newCount <= capacity)
        count = newCount
    }

    /// Makes room for at least `minimum` elements, keeping the ones written.
    func reserve(_ minimum: Int) {
        guard minimum > capacity else { return }
        let newCapacity = max(minimum, capacity * 2)
        let bigger = PanelColumnStorage.map(elements: newCapacity)
        bigger.update(from: base, count: count)
        munmap(base, PanelColumnStorage.byteSize(capacity))
        base = bigger
        capacity = newCapacity
    }

    // MARK: - Mapping

    private static func byteSize(_ elements: Int) -> Int {
        let page = 4096
        return (max(elements, 1) * MemoryLayout<Element>.stride + page - 1) / page * page
    }

    private static func map(elements: Int) -> UnsafeMutablePointer<Element> {
        let bytes = byteSize(elements)
        guard let memory = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), memory != MAP_FAILED else {
            fatalError("out of memory: cannot map \(bytes) bytes for a panel column")
        }
        return memory.bindMemory(to: Element.self, capacity: elements)
    }
}

/// A read-only column of the panel, one element per row (see ``PanelColumnStorage``).
struct PanelColumn<Element: BitwiseCopyable>: RandomAccessCollection, Sendable {
    let storage: PanelColumnStorage<Element>
    let count: Int

    init(_ storage: PanelColumnStorage<Element>) {
        self.storage = storage
        count = storage.count
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    @inline(__always)
    subscript(position: Int) -> Element {
        precondition(position >= 0 && position < count, "panel row out of range")
        return storage.base[position]
    }

    /// The elements without bounds checks, valid while this column (or the panel holding it) is alive.
    var elements: UnsafePointer<Element> { UnsafePointer(storage.base) }

    /// Runs `body` over the elements without bounds checks (for loops that stay inside ``indices``).
    @inline(__always)
    func withBuffer<Result>(_ body: (UnsafeBufferPointer<Element>) throws -> Result) rethrows -> Result {
        try withExtendedLifetime(storage) { try body(UnsafeBufferPointer(start: storage.base, count: count)) }
    }
}
