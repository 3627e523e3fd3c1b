import SaturnJSON

/// json-parser: `JSONValue.parse` with the request depth limit, the streaming reads the store uses (`readObject`,
/// `readArray`, `readString`, `readBool`, `readInteger`, `arrayElementOffsets`), and `JSONOutput`. A document that
/// parses, written back, parses to the same value; the streaming reads accept exactly what the tree parser accepts and
/// read the same value.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    let tree = try? JSONValue.parse(bytes, maximumDepth: JSONParser.requestDepth)
    JSONStreamCheck.compare(bytes, with: tree)
    JSONStreamCheck.scanElements(bytes, of: tree)
    guard let tree else { return 0 }
    let written = tree.jsonBytes
    let reread = try? JSONValue.parse(written, maximumDepth: JSONParser.requestDepth)
    fuzzCheck(reread == tree, "written back as \(String(decoding: written, as: UTF8.self)), it reads as \(String(describing: reread))")
    fuzzCheck(reread?.jsonBytes == written, "writing what was written back gives other text")
    return 0
}

/// The streaming side of the parser, driven without knowing the document's shape: each kind is tried on a copy of
/// the parser (a value), and the copy that reads is kept.
enum JSONStreamCheck {
    static func compare(_ bytes: [UInt8], with tree: JSONValue?) {
        var parser = JSONParser(bytes: bytes, maximumDepth: JSONParser.requestDepth)
        let streamed: JSONValue?
        do throws(JSONSyntaxError) {
            let value = try read(&parser)
            try parser.finish()
            streamed = value
        } catch {
            streamed = nil
        }
        fuzzCheck(streamed == tree, "the streaming reads give \(String(describing: streamed)), the tree parser \(String(describing: tree))")
    }

    /// `arrayElementOffsets` builds nothing and must not trap on any input; on an array it finds every element, and a
    /// parser started at each offset reads that element (as the snapshot loader does, on several threads).
    static func scanElements(_ bytes: [UInt8], of tree: JSONValue?) {
        var parser = JSONParser(bytes: bytes, maximumDepth: JSONParser.requestDepth)
        let offsets = try? parser.arrayElementOffsets()
        guard case let .array(items)? = tree else { return }
        fuzzCheck(offsets?.count == items.count, "arrayElementOffsets found \(String(describing: offsets?.count)) of \(items.count) elements")
        for (offset, item) in zip(offsets ?? [], items) {
            var element = JSONParser(bytes: bytes, offset: offset, maximumDepth: JSONParser.requestDepth)
            let read = try? element.readValue()
            fuzzCheck(read == item, "the element at byte \(offset) reads as \(String(describing: read)), not \(item)")
        }
    }

    private static func read(_ parser: inout JSONParser) throws(JSONSyntaxError) -> JSONValue {
        var probe = parser
        if let text = try? probe.readString() {
            parser = probe
            return .string(text)
        }
        probe = parser
        var members: [String: JSONValue] = [:]
        if (try? probe.readObject({ parser, key throws(JSONSyntaxError) in members[key] = try read(&parser) })) != nil {
            parser = probe
            return .object(members)
        }
        probe = parser
        var items: [JSONValue] = []
        if (try? probe.readArray({ parser throws(JSONSyntaxError) in items.append(try read(&parser)) })) != nil {
            parser = probe
            return .array(items)
        }
        // A literal or a number; the typed reads of a copy must agree with it.
        var typed = parser
        let value = try parser.readValue()
        switch value {
        case let .bool(flag):
            let read = try? typed.readBool()
            fuzzCheck(read == flag, "readBool gives \(String(describing: read)) for \(flag)")
        case let .number(number):
            let integer = try? typed.readInteger()
            let expected = number == number.rounded() && abs(number) < 1e15 ? Int(number) : nil
            fuzzCheck(integer == expected, "readInteger gives \(String(describing: integer)) for \(number)")
        default:
            break
        }
        return value
    }
}
