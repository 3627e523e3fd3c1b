#ifndef SATURN_MOCK_CMICROHTTPD_SHIM_H
#define SATURN_MOCK_CMICROHTTPD_SHIM_H

#include <stdint.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <microhttpd.h>

/* Swift cannot call C variadics: these non-variadic wrappers are the only ones it needs. */

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
        MHD_OPTION_NOTIFY_CONNECTION, notify_connection, notify_connection_context,
        MHD_OPTION_NOTIFY_COMPLETED, completed, completed_context,
        MHD_OPTION_END);
}

#endif
