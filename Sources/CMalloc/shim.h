#ifndef SATURN_MOCK_CMALLOC_SHIM_H
#define SATURN_MOCK_CMALLOC_SHIM_H

/* glibc's malloc controls (malloc_trim), which Swift's Glibc module does not import. */
#include <malloc.h>

#endif
