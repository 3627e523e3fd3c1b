/// What every fuzz target shares: libFuzzer's input as bytes, and a property check that libFuzzer reports as a crash.

/// The input libFuzzer hands `LLVMFuzzerTestOneInput`, copied into an array.
func fuzzBytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
    Array(UnsafeBufferPointer(start: data, count: size))
}

/// Stops the process when a property does not hold: libFuzzer reports a crash and keeps the input that broke it.
func fuzzCheck(_ holds: @autoclosure () -> Bool, _ property: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line) {
    if !holds() { fatalError("fuzz property broken: \(property())", file: file, line: line) }
}
