import SaturnDomain
import SaturnJSON

/// modern-reader: `ModernRecipeReader.read` on a request body (`PUT /api/recipes`) of any type: images here, and
/// workspaces, jobs and deployments through `ResourceRecipeReader`, image references and cron schedules included.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let body = try? JSONValue.parse(fuzzBytes(data, size), maximumDepth: JSONParser.requestDepth) else { return 0 }
    RecipeReadCheck.read(body)
    return 0
}
