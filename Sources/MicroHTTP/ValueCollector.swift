import CMicroHTTPD

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Receives the name-value pairs libmicrohttpd iterates over.
final class ValueCollector {
    var values: [(name: String, value: String)] = []
}

/// Decodes C text as UTF-8, replacing invalid sequences rather than failing.
func decodedText(_ pointer: UnsafePointer<CChar>) -> String {
    String(decoding: UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)), as: UTF8.self)
}
