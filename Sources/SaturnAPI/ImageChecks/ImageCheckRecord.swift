import FoundationEssentials
import ImageInspection

/// The last check of one image URI, as `GET /_mock/image-checks` answers it.
enum ImageCheckRecord: Sendable {
    /// Pulled and checked now.
    case checking
    /// Checked: the outcome for every use.
    case checked(ImageCheck, at: Date)
    /// The registry did not give the image: why.
    case unreadable(InspectionError, at: Date)
}
