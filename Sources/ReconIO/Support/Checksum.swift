/// Content checksums: XXH64 (Yann Collet's xxHash, 64-bit; the reference algorithm at
/// https://github.com/Cyan4973/xxHash/blob/dev/doc/xxhash_spec.md), and a checksum of large
/// inputs made of the XXH64 of each 16 MiB block, so that the blocks are hashed on every core and
/// the result does not depend on how many there are.
///
/// A checksum catches a changed or damaged file (recon's binary panels, the CSV a panel was
/// imported from); it is not a defence against someone forging one.
public enum Checksum {
    /// The block size of ``blocks(_:)``.
    public static let blockSize = 16 << 20

    /// The checksum of `bytes`: XXH64, seeded with the byte count, of the little-endian XXH64 of
    /// each ``blockSize`` block in order.
    ///
    /// - Complexity: O(n), spread over the cores.
    public static func blocks(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        blocks(of: [bytes])[0]
    }

    /// ``blocks(_:)`` of each buffer, the blocks of all of them hashed on every core at once.
    public static func blocks(of buffers: [UnsafeRawBufferPointer]) -> [UInt64] {
        let views = buffers.map(SendableBytes.init)
        var blocks: [(buffer: Int, start: Int)] = []
        for (index, buffer) in buffers.enumerated() {
            for start in stride(from: 0, to: buffer.count, by: blockSize) { blocks.append((index, start)) }
        }
        let hashes = Parallel.map(blocks.count) { [blocks] task in
            let (buffer, start) = blocks[task]
            let bytes = views[buffer].bytes
            return xxh64(UnsafeRawBufferPointer(rebasing: bytes[start ..< min(start + blockSize, bytes.count)]))
        }
        var joined: [[UInt8]] = buffers.map { _ in [] }
        for (task, hash) in zip(blocks, hashes) { withUnsafeBytes(of: hash.littleEndian) { joined[task.buffer] += $0 } }
        return zip(joined, buffers).map { joined, buffer in joined.withUnsafeBytes { xxh64($0, seed: UInt64(buffer.count)) } }
    }

    /// Bytes read by several threads at once, never written while they are.
    private struct SendableBytes: @unchecked Sendable {
        let bytes: UnsafeRawBufferPointer
    }

    // MARK: - XXH64

    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

    /// XXH64 of `bytes` with `seed`.
    public static func xxh64(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        let count = bytes.count
        guard let base = bytes.baseAddress else { return avalanche(seed &+ prime5) }
        var p = 0
        var hash: UInt64
        if count >= 32 {
            var v1 = seed &+ prime1 &+ prime2, v2 = seed &+ prime2, v3 = seed, v4 = seed &- prime1
            while p + 32 <= count {
                v1 = round(v1, word64(base, p))
                v2 = round(v2, word64(base, p + 8))
                v3 = round(v3, word64(base, p + 16))
                v4 = round(v4, word64(base, p + 24))
                p += 32
            }
            hash = v1.rotated(1) &+ v2.rotated(7) &+ v3.rotated(12) &+ v4.rotated(18)
            hash = merge(hash, v1)
            hash = merge(hash, v2)
            hash = merge(hash, v3)
            hash = merge(hash, v4)
        } else {
            hash = seed &+ prime5
        }
        hash &+= UInt64(count)
        while p + 8 <= count {
            hash ^= round(0, word64(base, p))
            hash = hash.rotated(27) &* prime1 &+ prime4
            p += 8
        }
        if p + 4 <= count {
            hash ^= UInt64(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: p, as: UInt32.self))) &* prime1
            hash = hash.rotated(23) &* prime2 &+ prime3
            p += 4
        }
        while p < count {
            hash ^= UInt64(base.load(fromByteOffset: p, as: UInt8.self)) &* prime5
            hash = hash.rotated(11) &* prime1
            p += 1
        }
        return avalanche(hash)
    }

    @inline(__always)
    private static func word64(_ base: UnsafeRawPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    @inline(__always)
    private static func round(_ accumulator: UInt64, _ input: UInt64) -> UInt64 {
        (accumulator &+ input &* prime2).rotated(31) &* prime1
    }

    @inline(__always)
    private static func merge(_ hash: UInt64, _ value: UInt64) -> UInt64 {
        (hash ^ round(0, value)) &* prime1 &+ prime4
    }

    @inline(__always)
    private static func avalanche(_ value: UInt64) -> UInt64 {
        var hash = value
        hash ^= hash >> 33
        hash &*= prime2
        hash ^= hash >> 29
        hash &*= prime3
        hash ^= hash >> 32
        return hash
    }
}

extension UInt64 {
    /// The bits rotated left by `count`.
    @inline(__always)
    fileprivate func rotated(_ count: UInt64) -> UInt64 { (self << count) | (self >> (64 - count)) }
}
