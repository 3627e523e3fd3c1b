import CCurl

/// One HTTP GET through libcurl: the status, the headers, and the body handed to a sink as it arrives
/// when the status is 2xx (an error's body is kept, up to 64 KiB, to say what went wrong).
final class CurlTransfer {
    /// What came back.
    struct Answer {
        var status: Int
        /// Header names in lowercase, with their values.
        var headers: [(name: String, value: String)]
        /// The body of an answer that is not 2xx.
        var errorBody: [UInt8]

        /// The value of a header.
        func header(_ name: String) -> String? {
            headers.last { $0.name == name }?.value
        }
    }

    private static let initialized: Bool = curl_global_init(SATURN_CURL_GLOBAL_ALL) == CURLE_OK

    private let sink: (UnsafeRawBufferPointer) -> Bool
    private var answer = Answer(status: 0, headers: [], errorBody: [])
    private var handle: UnsafeMutableRawPointer?

    private init(sink: @escaping (UnsafeRawBufferPointer) -> Bool) {
        self.sink = sink
    }

    /// GETs `url` with `headers` (`Name: value`), giving up after `timeout` seconds when one is given; a sink that
    /// returns false stops the transfer.
    static func get(
        _ url: String, headers: [String], timeout: Int?, sink: @escaping (UnsafeRawBufferPointer) -> Bool = { _ in true }
    ) throws(InspectionError) -> Answer {
        guard initialized, let handle = curl_easy_init() else { throw .unreachable(url: url, reason: "libcurl did not start") }
        defer { curl_easy_cleanup(handle) }
        let transfer = CurlTransfer(sink: sink)
        transfer.handle = handle
        var list: UnsafeMutablePointer<curl_slist>?
        for header in headers { list = curl_slist_append(list, header) }
        defer { curl_slist_free_all(list) }
        let context = Unmanaged.passUnretained(transfer).toOpaque()
        saturn_curl_set_string(handle, CURLOPT_URL, url)
        saturn_curl_set_list(handle, CURLOPT_HTTPHEADER, list)
        if let timeout { saturn_curl_set_long(handle, CURLOPT_TIMEOUT, timeout) }
        saturn_curl_set_long(handle, CURLOPT_FOLLOWLOCATION, 1)
        saturn_curl_set_long(handle, CURLOPT_NOSIGNAL, 1)
        saturn_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT, 10)
        // A registry that stops sending for 30 s is given up on, rather than waited for without end.
        saturn_curl_set_long(handle, CURLOPT_LOW_SPEED_LIMIT, 1)
        saturn_curl_set_long(handle, CURLOPT_LOW_SPEED_TIME, 30)
        saturn_curl_set_pointer(handle, CURLOPT_WRITEDATA, context)
        saturn_curl_set_callback(handle, CURLOPT_WRITEFUNCTION) { data, size, count, context in
            guard let context else { return 0 }
            return Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue().body(data, size * count)
        }
        saturn_curl_set_pointer(handle, CURLOPT_HEADERDATA, context)
        saturn_curl_set_callback(handle, CURLOPT_HEADERFUNCTION) { data, size, count, context in
            guard let context else { return 0 }
            return Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue().header(data, size * count)
        }
        let result = curl_easy_perform(handle)
        var status = 0
        saturn_curl_get_long(handle, CURLINFO_RESPONSE_CODE, &status)
        transfer.answer.status = status
        guard result == CURLE_OK || (result == CURLE_WRITE_ERROR && status / 100 == 2) else {
            throw .unreachable(url: url, reason: String(cString: curl_easy_strerror(result)))
        }
        return transfer.answer
    }

    private func body(_ data: UnsafeMutablePointer<CChar>?, _ count: Int) -> Int {
        var status = 0
        saturn_curl_get_long(handle, CURLINFO_RESPONSE_CODE, &status)
        let bytes = UnsafeRawBufferPointer(start: data, count: count)
        if status / 100 == 2 { return sink(bytes) ? count : 0 }
        if answer.errorBody.count < 65_536 { answer.errorBody.append(contentsOf: bytes.prefix(65_536 - answer.errorBody.count)) }
        return count
    }

    private func header(_ data: UnsafeMutablePointer<CChar>?, _ count: Int) -> Int {
        let line = String(decoding: UnsafeRawBufferPointer(start: data, count: count), as: UTF8.self)
        if line.hasPrefix("HTTP/") { answer.headers.removeAll() }
        if let colon = line.firstIndex(of: ":") {
            let name = line[..<colon].lowercased()
            let value = String(line[line.index(after: colon)...].trimmedOfSpace)
            answer.headers.append((name, value))
        }
        return count
    }
}
