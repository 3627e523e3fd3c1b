#ifndef SATURN_MOCK_CCURL_SHIM_H
#define SATURN_MOCK_CCURL_SHIM_H

/* libcurl talks to registries (Foundation's URLSession hangs on a 401 with WWW-Authenticate in Swift 6.3.1). */
#include <curl/curl.h>

/* CURL_GLOBAL_ALL is an expression of other macros, which Swift does not import: the same value as a constant. */
static const long SATURN_CURL_GLOBAL_ALL = CURL_GLOBAL_ALL;

/* curl_easy_setopt and curl_easy_getinfo are C variadics, which Swift cannot call: one wrapper per argument type. */

static inline CURLcode saturn_curl_set_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode saturn_curl_set_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode saturn_curl_set_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode saturn_curl_set_list(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

/* The data callbacks, body and headers alike. */
typedef size_t (*saturn_curl_data_callback)(char *data, size_t size, size_t count, void *context);

static inline CURLcode saturn_curl_set_callback(CURL *handle, CURLoption option, saturn_curl_data_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}

static inline CURLcode saturn_curl_get_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

#endif
