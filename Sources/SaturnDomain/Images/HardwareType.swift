/// The hardware an image runs on, as Saturn's modern API spells it.
public enum HardwareType: String, Sendable, CaseIterable {
    case cpu = "CPU"
    case nvidia = "NVIDIA"
    case amd = "AMD"
}
