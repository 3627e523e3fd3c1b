#ifndef SATURN_MOCK_CMICROHTTPD_SHIM_H
#define SATURN_MOCK_CMICROHTTPD_SHIM_H

#include <stdint.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <microhttpd.h>

/* Swift cannot call C variadics: these non-variadic wrappers are the only ones it needs. */

/* Each connection's memory pool: the request line and headers must fit (a larger head gets libmicrohttpd's 431).
 * libmicrohttpd clears the pool between requests on a connection, so its size is a cost every request pays: at
 * the default 32 KiB, clearing it was more than half of the instructions of a GET /api/status. scripts/bench
 * builds its ceiling with the same size. */
#define SATURN_MHD_CONNECTION_MEMORY ((size_t) 16384)

/// Starts a daemon on an already listening socket, with an epoll thread pool. `accept_policy` may refuse a connection
/// as it is accepted; `notify_connection` hears each accepted connection open and close.
static inline struct MHD_Daemon *saturn_mhd_start(
    unsigned int flags,
    MHD_socket listen_socket,
    unsigned int thread_pool_size,
    unsigned int connection_timeout_seconds,
    unsigned int connection_limit,
    MHD_AcceptPolicyCallback accept_policy, void *accept_policy_context,
    MHD_NotifyConnectionCallback notify_connection, void *notify_connection_context,
    MHD_AccessHandlerCallback handler, void *handler_context,
    MHD_RequestCompletedCallback completed, void *completed_context)
{
    return MHD_start_daemon(
        flags, 0, accept_policy, accept_policy_context, handler, handler_context,
        MHD_OPTION_LISTEN_SOCKET, listen_socket,
        MHD_OPTION_THREAD_POOL_SIZE, thread_pool_size,
        MHD_OPTION_CONNECTION_TIMEOUT, connection_timeout_seconds,
        MHD_OPTION_CONNECTION_LIMIT, connection_limit,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, SATURN_MHD_CONNECTION_MEMORY,
        MHD_OPTION_NOTIFY_CONNECTION, notify_connection, notify_connection_context,
        MHD_OPTION_NOTIFY_COMPLETED, completed, completed_context,
        MHD_OPTION_END);
}

#endif
