import Glibc

/// The number of cores the process may use, for sizing the thread pool.
public enum ProcessInfoCores {
    /// One thread per active core, at least one.
    public static var count: Int {
        max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    }
}
