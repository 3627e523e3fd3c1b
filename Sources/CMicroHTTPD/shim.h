#ifndef SATURN_MOCK_CMICROHTTPD_SHIM_H
#define SATURN_MOCK_CMICROHTTPD_SHIM_H

#include <stdint.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <microhttpd.h>

/* Swift cannot call C variadics: these non-variadic wrappers are the only ones it needs. */

/// Starts a daemon on an already listening socket, with an epoll thread pool.
static inline struct MHD_Daemon *saturn_mhd_start(
    unsigned int flags,
    MHD_socket listen_socket,
    unsigned int thread_pool_size,
    unsigned int connection_timeout_seconds,
    MHD_AccessHandlerCallback handler, void *handler_context,
    MHD_RequestCompletedCallback completed, void *completed_context)
{
    return MHD_start_daemon(
        flags, 0, NULL, NULL, handler, handler_context,
        MHD_OPTION_LISTEN_SOCKET, listen_socket,
        MHD_OPTION_THREAD_POOL_SIZE, thread_pool_size,
        MHD_OPTION_CONNECTION_TIMEOUT, connection_timeout_seconds,
        MHD_OPTION_NOTIFY_COMPLETED, completed, completed_context,
        MHD_OPTION_END);
}

/// The number of connections the daemon holds open now.
static inline unsigned int saturn_mhd_connection_count(struct MHD_Daemon *daemon)
{
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_CURRENT_CONNECTIONS);
    return info == NULL ? 0 : info->num_connections;
}

#endif
