/* The benchmark's ceiling: libmicrohttpd answering every request with one fixed JSON body, with the daemon options
 * saturn-mock uses (epoll, one thread per core, its connection memory). Usage: bench-ceiling <port-file> <body-bytes>
 * Built with -I Sources/CMicroHTTPD, for the options saturn-mock's shim sets. */
#include "shim.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <unistd.h>

static struct MHD_Response *response;

static enum MHD_Result answer(void *cls, struct MHD_Connection *connection, const char *url, const char *method,
                              const char *version, const char *upload_data, size_t *upload_data_size, void **state) {
  (void) cls; (void) url; (void) method; (void) version; (void) upload_data;
  if (*state == NULL) { *state = (void *) 1; return MHD_YES; }
  if (*upload_data_size != 0) { *upload_data_size = 0; return MHD_YES; }
  return MHD_queue_response(connection, MHD_HTTP_OK, response);
}

int main(int argc, char **argv) {
  if (argc != 3) { fprintf(stderr, "usage: %s <port-file> <body-bytes>\n", argv[0]); return 2; }
  size_t size = (size_t) atol(argv[2]);
  char *body = malloc(size);
  memset(body, 'x', size);
  if (size >= 2) { body[0] = '"'; body[size - 1] = '"'; }
  response = MHD_create_response_from_buffer(size, body, MHD_RESPMEM_MUST_COPY);
  MHD_add_response_header(response, "Content-Type", "application/json");
  MHD_add_response_header(response, "X-Saturn-Version", "2026.02.01");
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  struct MHD_Daemon *daemon = MHD_start_daemon(
      MHD_USE_EPOLL_INTERNAL_THREAD | MHD_ALLOW_SUSPEND_RESUME, 0, NULL, NULL, answer, NULL,
      MHD_OPTION_THREAD_POOL_SIZE, (unsigned int) (cores > 0 ? cores : 1), MHD_OPTION_CONNECTION_TIMEOUT, 30u,
      MHD_OPTION_CONNECTION_MEMORY_LIMIT, SATURN_MHD_CONNECTION_MEMORY, MHD_OPTION_END);
  if (daemon == NULL) { fprintf(stderr, "MHD_start_daemon failed\n"); return 1; }
  const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
  FILE *file = fopen(argv[1], "w");
  fprintf(file, "%u\n", info->port);
  fclose(file);
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  sigprocmask(SIG_BLOCK, &signals, NULL);
  int received;
  sigwait(&signals, &received);
  MHD_stop_daemon(daemon);
  return 0;
}
