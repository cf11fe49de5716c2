/* version.h: the one place the version is written. */
#ifndef DATELINE_VERSION_H
#define DATELINE_VERSION_H
#define DATELINE_VERSION "0.1.0"
#define DATELINE_HOMEPAGE "https://github.com/dateline-reader/dateline" /* named in the User-Agent */
#endif
