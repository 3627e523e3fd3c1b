#ifndef SATURN_MOCK_CARCHIVE_SHIM_H
#define SATURN_MOCK_CARCHIVE_SHIM_H

/* libarchive reads image layers: every tar dialect, gzip and zstd, detected from the bytes. */
#include <archive.h>
#include <archive_entry.h>

/* The file-type macros are casts (((__LA_MODE_T)0040000)), which Swift does not import: the same values as constants. */
static const unsigned int SATURN_AE_IFMT = 0170000;
static const unsigned int SATURN_AE_IFREG = 0100000;
static const unsigned int SATURN_AE_IFLNK = 0120000;
static const unsigned int SATURN_AE_IFDIR = 0040000;

#endif
