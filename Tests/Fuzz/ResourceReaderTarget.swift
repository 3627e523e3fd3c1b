import SaturnDomain
import SaturnJSON

/// resource-reader: the input is the `spec` of a recipe, read as a workspace's, a job's and a deployment's through
/// `ModernRecipeReader.read` (which hands it to `ResourceRecipeReader`): every input reaches the resource specs.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let spec = try? JSONValue.parse(fuzzBytes(data, size), maximumDepth: JSONParser.requestDepth - 1) else { return 0 }
    for kind in ["workspace", "job", "deployment"] {
        RecipeReadCheck.read(.object(["schema_version": .string("2025.10.01"), "type": .string(kind), "spec": spec]))
    }
    return 0
}
