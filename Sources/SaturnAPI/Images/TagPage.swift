import MicroHTTP
import SaturnDomain

/// One page of an image's tags: `page_size` after (or before) the tag whose id the cursor is.
struct TagPage {
    let tags: [ImageVersion]
    let previousCursor: String?
    let nextCursor: String?

    init(_ shown: [ImageVersion], pageSize: Int, after: RecordID?, before: RecordID?) {
        var start = after.flatMap { id in shown.firstIndex { $0.id == id } }.map { $0 + 1 } ?? 0
        var end = min(shown.count, start + pageSize)
        if let before, let stop = shown.firstIndex(where: { $0.id == before }) {
            end = stop
            start = max(0, stop - pageSize)
        }
        tags = Array(shown[start..<end])
        previousCursor = start > 0 ? tags.first?.id.description : nil
        nextCursor = end < shown.count ? tags.last?.id.description : nil
    }
}
