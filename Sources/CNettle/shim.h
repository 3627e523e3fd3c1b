#ifndef SATURN_MOCK_CNETTLE_SHIM_H
#define SATURN_MOCK_CNETTLE_SHIM_H

/* Nettle's SHA-256 and HMAC-SHA-256 (libnettle, which libmicrohttpd loads already through GnuTLS): the names of
 * object storage's blobs and the signatures of its presigned URLs. Swift calls the nettle_-prefixed functions,
 * since the short names are macros. */
#include <nettle/sha2.h>
#include <nettle/hmac.h>

#endif
