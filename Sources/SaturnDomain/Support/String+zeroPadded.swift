extension String {
    /// A non-negative `value` written in `radix` with leading zeros up to `width` digits: journal generations,
    /// checksums, ids, code points and times all need a fixed width.
    public init(_ value: some BinaryInteger, radix: Int = 10, uppercase: Bool = false, zeroPaddedTo width: Int) {
        let digits = String(value, radix: radix, uppercase: uppercase)
        // Swift.max: inside a String initializer a bare max would be the string's own max().
        self = String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
    }
}
