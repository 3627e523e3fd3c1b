import Glibc

/// An environment variable that does not say on or off.
struct EnvironmentError: Error, CustomStringConvertible {
    let variable: String
    let value: String
    var description: String { "\(variable)='\(value)' must be 1/true/yes/on or 0/false/no/off" }
}
