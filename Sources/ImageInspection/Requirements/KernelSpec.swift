import SaturnJSON

/// Jupyter's `kernel.json`: the command a kernel starts, `argv`.
enum KernelSpec {
    /// The program the kernel runs, `argv[0]`; nil when the file is not such a document.
    static func firstArgument(of bytes: [UInt8]) -> String? {
        guard case let .object(members)? = try? JSONValue.parse(bytes), case let .array(argv)? = members["argv"],
              case let .string(first)? = argv.first else { return nil }
        return first
    }
}
