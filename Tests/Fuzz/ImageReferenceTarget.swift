@testable import SaturnDomain

/// image-reference: the checks every imported image URI gets (`ImageReference.forbiddenCharacter`, the registry
/// grammar, the ECR rule of `ImageURIPolicy`). A reference the grammar accepts is printable ASCII; the character check
/// objects exactly when a byte is not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let uri = String(decoding: fuzzBytes(data, size), as: UTF8.self)
    let printable = uri.utf8.allSatisfy { (0x21...0x7E).contains($0) }
    let forbidden = ImageReference.forbiddenCharacter(in: uri)
    fuzzCheck((forbidden == nil) == printable, "forbiddenCharacter says \(String(describing: forbidden)) of '\(uri)'")
    let grammar = ImageReference.grammarProblem(in: uri)
    fuzzCheck(grammar != nil || printable, "the grammar accepts '\(uri)', which is not printable ASCII")
    let objections = ImageURIPolicy.objections(to: uri, puller: nil)
    fuzzCheck(grammar == nil || !objections.isEmpty, "the policy does not object to '\(uri)', which breaks the grammar")
    return 0
}
