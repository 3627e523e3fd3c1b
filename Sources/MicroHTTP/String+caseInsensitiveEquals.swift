extension String {
    /// ASCII case-insensitive equality, enough for header names; compares bytes in place, without lowercase copies
    /// or the generic iterators that cost more than the rest of a header look-up.
    func caseInsensitiveEquals(_ other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        let inPlace = utf8.withContiguousStorageIfAvailable { left in
            other.utf8.withContiguousStorageIfAvailable { right in
                (0..<left.count).allSatisfy { Self.sameIgnoringCase(left[$0], right[$0]) }
            }
        }
        return (inPlace ?? nil) ?? zip(utf8, other.utf8).allSatisfy(Self.sameIgnoringCase)
    }

    private static func sameIgnoringCase(_ left: UInt8, _ right: UInt8) -> Bool {
        left == right || (left | 0x20 == right | 0x20 && (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(left | 0x20))
    }
}
