import Testing
@testable import ImageInspection

@Suite struct MergedViewTests {
    @Test func placeholder() {}
}
