import SaturnDomain
import SaturnJSON

/// legacy-reader: `LegacySetReader.read` on a request body as the API parses it (`POST /api/recipes/apply`). A set it
/// accepts gives one draft per image it holds.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let body = try? JSONValue.parse(fuzzBytes(data, size), maximumDepth: JSONParser.requestDepth) else { return 0 }
    guard let drafts = try? LegacySetReader.read(body) else { return 0 }
    guard case let .object(set) = body, case let .array(images)? = set["images"] else {
        fatalError("fuzz property broken: a set without an images array was read")
    }
    fuzzCheck(drafts.count == images.count, "\(images.count) images read as \(drafts.count) drafts")
    return 0
}
