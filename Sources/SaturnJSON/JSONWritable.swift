/// A type that writes itself as JSON.
public protocol JSONWritable {
    /// Writes the value at the output's current position.
    func write(to output: inout JSONOutput)
}

extension JSONWritable {
    /// The value's JSON text.
    public var jsonBytes: [UInt8] {
        var output = JSONOutput()
        write(to: &output)
        return output.bytes
    }
}
