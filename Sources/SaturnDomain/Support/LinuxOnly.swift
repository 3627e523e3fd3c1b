#if !os(Linux)
#error("saturn-mock builds on Linux only: it serves through libmicrohttpd from the system's packages and calls Glibc directly.")
#endif
