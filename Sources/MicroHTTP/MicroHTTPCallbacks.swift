import CMicroHTTPD

/// The C callbacks handed to libmicrohttpd. They capture nothing and are not actor-isolated, since libmicrohttpd
/// calls them from its own threads; each forwards at once to the `HTTPServer` behind the context pointer.
enum MicroHTTPCallbacks {
    static let access: MHD_AccessHandlerCallback = { context, connection, url, method, _, uploadData, uploadDataSize, requestContext in
        guard let context, let connection, let uploadDataSize, let requestContext else { return .NO }
        return Unmanaged<HTTPServer>.fromOpaque(context).takeUnretainedValue().handle(
            connection: connection,
            url: url,
            method: method,
            uploadData: uploadData,
            uploadDataSize: uploadDataSize,
            requestContext: requestContext
        )
    }

    static let completed: MHD_RequestCompletedCallback = { context, _, requestContext, _ in
        guard let context else { return }
        Unmanaged<HTTPServer>.fromOpaque(context).takeUnretainedValue().complete(requestContext: requestContext)
    }

    static let acceptPolicy: MHD_AcceptPolicyCallback = { context, _, _ in
        guard let context else { return .NO }
        return Unmanaged<HTTPServer>.fromOpaque(context).takeUnretainedValue().admitsConnection() ? .YES : .NO
    }

    static let connectionNotice: MHD_NotifyConnectionCallback = { context, _, _, notice in
        guard let context else { return }
        Unmanaged<HTTPServer>.fromOpaque(context).takeUnretainedValue().connectionChanged(opened: notice == .CONNECTION_NOTIFY_STARTED)
    }

    static let collectValue: MHD_KeyValueIterator = { context, _, key, value in
        guard let context, let key else { return .YES }
        let collector = Unmanaged<ValueCollector>.fromOpaque(context).takeUnretainedValue()
        collector.values.append((decodedText(key), value.map(decodedText) ?? ""))
        return .YES
    }
}
