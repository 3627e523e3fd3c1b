/// Ids for seed entities, derived from their names so they stay the same across restarts.
enum StableID {
    /// 32 lowercase hex digits from two FNV-1a hashes of `kind:name`.
    static func make(kind: String, name: String) -> String {
        let bytes = Array("\(kind):\(name)".utf8)
        return hex(fnv1a(bytes, basis: 0xcbf2_9ce4_8422_2325)) + hex(fnv1a(bytes.reversed(), basis: 0x8422_2325_cbf2_9ce4))
    }

    /// A fresh random id in the same 32-hex-digit form, for recipes and versions.
    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return hex(generator.next()) + hex(generator.next())
    }

    private static func fnv1a<S: Sequence<UInt8>>(_ bytes: S, basis: UInt64) -> UInt64 {
        bytes.reduce(basis) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01b3 }
    }

    private static func hex(_ value: UInt64) -> String {
        String(value, radix: 16, zeroPaddedTo: 16)
    }
}
