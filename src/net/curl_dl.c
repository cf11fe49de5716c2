/*
 * curl_dl.c: libcurl, loaded on first use instead of at start-up.
 *
 * Why: linking libcurl pulls some forty shared libraries (TLS, Kerberos,
 * LDAP, SSH, IDN, ...) into every run, and their relocation is most of the
 * start-up of a command that never touches the network (`dateline list`,
 * `quotes`, the TUI's first screen): about 4.5 million cycles measured with
 * LD_DEBUG=statistics. So the binary does not link libcurl; these
 * definitions of the libcurl functions fetch.c uses load libcurl.so.4 with
 * dlopen() the first time one is called and forward to it. fetch.c is
 * unchanged and still written against <curl/curl.h>.
 *
 * When libcurl cannot be loaded every function fails the way libcurl
 * reports failure (NULL, CURLE_FAILED_INIT, CURLM_INTERNAL_ERROR), and
 * curl_easy_strerror() says that libcurl is missing, so the user sees why.
 *
 * The table of resolved symbols is the one piece of process-wide state: it
 * is written once, under pthread_once, and only read afterwards.
 */
#define CURL_DISABLE_TYPECHECK 1
#include <curl/curl.h>

#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>

#define CURL_DL_LIBNAME "libcurl.so.4"

typedef void (*fnptr)(void);

static struct {
	CURLcode (*global_init)(long);
	void (*global_cleanup)(void);
	CURL *(*easy_init)(void);
	void (*easy_cleanup)(CURL *);
	CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
	CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
	const char *(*easy_strerror)(CURLcode);
	CURLHcode (*easy_header)(CURL *, const char *, size_t, unsigned int, int, struct curl_header **);
	CURLM *(*multi_init)(void);
	CURLMcode (*multi_cleanup)(CURLM *);
	CURLMcode (*multi_add_handle)(CURLM *, CURL *);
	CURLMcode (*multi_remove_handle)(CURLM *, CURL *);
	CURLMcode (*multi_perform)(CURLM *, int *);
	CURLMcode (*multi_poll)(CURLM *, struct curl_waitfd[], unsigned int, int, int *);
	CURLMsg *(*multi_info_read)(CURLM *, int *);
	CURLMcode (*multi_setopt)(CURLM *, CURLMoption, ...);
	struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
	void (*slist_free_all)(struct curl_slist *);
	int loaded; /* 1 when every symbol above resolved */
} lib;

static pthread_once_t lib_once = PTHREAD_ONCE_INIT;

/* dlsym() returns an object pointer; POSIX guarantees it converts to a function pointer. */
#define RESOLVE(field, name) \
	do { \
		void *p_ = dlsym(h, name); \
		if (!p_) \
			return; \
		*(void **)&lib.field = p_; \
	} while (0)

static void load(void)
{
	void *h = dlopen(CURL_DL_LIBNAME, RTLD_NOW | RTLD_LOCAL);
	if (!h)
		h = dlopen("libcurl.so", RTLD_NOW | RTLD_LOCAL);
	if (!h)
		return;
	RESOLVE(global_init, "curl_global_init");
	RESOLVE(global_cleanup, "curl_global_cleanup");
	RESOLVE(easy_init, "curl_easy_init");
	RESOLVE(easy_cleanup, "curl_easy_cleanup");
	RESOLVE(easy_setopt, "curl_easy_setopt");
	RESOLVE(easy_getinfo, "curl_easy_getinfo");
	RESOLVE(easy_strerror, "curl_easy_strerror");
	RESOLVE(easy_header, "curl_easy_header");
	RESOLVE(multi_init, "curl_multi_init");
	RESOLVE(multi_cleanup, "curl_multi_cleanup");
	RESOLVE(multi_add_handle, "curl_multi_add_handle");
	RESOLVE(multi_remove_handle, "curl_multi_remove_handle");
	RESOLVE(multi_perform, "curl_multi_perform");
	RESOLVE(multi_poll, "curl_multi_poll");
	RESOLVE(multi_info_read, "curl_multi_info_read");
	RESOLVE(multi_setopt, "curl_multi_setopt");
	RESOLVE(slist_append, "curl_slist_append");
	RESOLVE(slist_free_all, "curl_slist_free_all");
	lib.loaded = 1; /* the handle stays open for the life of the process */
}

static int ready(void)
{
	return pthread_once(&lib_once, load) == 0 && lib.loaded;
}

/*
 * The option's number says the type of the one argument that follows, as in
 * libcurl itself: long, object pointer, function pointer, curl_off_t or blob.
 */
#define FORWARD_OPTION(call, handle, option, ap) \
	do { \
		if ((option) < CURLOPTTYPE_OBJECTPOINT) \
			return call(handle, option, va_arg(ap, long)); \
		if ((option) < CURLOPTTYPE_FUNCTIONPOINT) \
			return call(handle, option, va_arg(ap, void *)); \
		if ((option) < CURLOPTTYPE_OFF_T) \
			return call(handle, option, va_arg(ap, fnptr)); \
		if ((option) < CURLOPTTYPE_BLOB) \
			return call(handle, option, va_arg(ap, curl_off_t)); \
		return call(handle, option, va_arg(ap, void *)); \
	} while (0)

static CURLcode easy_setopt_v(CURL *c, CURLoption o, va_list ap)
{
	FORWARD_OPTION(lib.easy_setopt, c, o, ap);
}

static CURLMcode multi_setopt_v(CURLM *m, CURLMoption o, va_list ap)
{
	FORWARD_OPTION(lib.multi_setopt, m, o, ap);
}

CURLcode curl_global_init(long flags)
{
	return ready() ? lib.global_init(flags) : CURLE_FAILED_INIT;
}

void curl_global_cleanup(void)
{
	if (ready())
		lib.global_cleanup();
}

CURL *curl_easy_init(void)
{
	return ready() ? lib.easy_init() : NULL;
}

void curl_easy_cleanup(CURL *c)
{
	if (ready())
		lib.easy_cleanup(c);
}

CURLcode curl_easy_setopt(CURL *c, CURLoption o, ...)
{
	if (!ready())
		return CURLE_FAILED_INIT;
	va_list ap;
	va_start(ap, o);
	CURLcode rc = easy_setopt_v(c, o, ap);
	va_end(ap);
	return rc;
}

CURLcode curl_easy_getinfo(CURL *c, CURLINFO info, ...)
{
	if (!ready())
		return CURLE_FAILED_INIT;
	va_list ap;
	va_start(ap, info);
	void *out = va_arg(ap, void *); /* every CURLINFO takes one pointer */
	va_end(ap);
	return lib.easy_getinfo(c, info, out);
}

const char *curl_easy_strerror(CURLcode code)
{
	if (!ready())
		return "libcurl (" CURL_DL_LIBNAME ") could not be loaded: install the libcurl4 package";
	return lib.easy_strerror(code);
}

CURLHcode curl_easy_header(CURL *c, const char *name, size_t index, unsigned int origin, int request,
                           struct curl_header **hout)
{
	return ready() ? lib.easy_header(c, name, index, origin, request, hout) : CURLHE_NOT_BUILT_IN;
}

CURLM *curl_multi_init(void)
{
	return ready() ? lib.multi_init() : NULL;
}

CURLMcode curl_multi_cleanup(CURLM *m)
{
	return ready() ? lib.multi_cleanup(m) : CURLM_INTERNAL_ERROR;
}

CURLMcode curl_multi_add_handle(CURLM *m, CURL *c)
{
	return ready() ? lib.multi_add_handle(m, c) : CURLM_INTERNAL_ERROR;
}

CURLMcode curl_multi_remove_handle(CURLM *m, CURL *c)
{
	return ready() ? lib.multi_remove_handle(m, c) : CURLM_INTERNAL_ERROR;
}

CURLMcode curl_multi_perform(CURLM *m, int *running)
{
	return ready() ? lib.multi_perform(m, running) : CURLM_INTERNAL_ERROR;
}

CURLMcode curl_multi_poll(CURLM *m, struct curl_waitfd extra_fds[], unsigned int extra_nfds,
                          int timeout_ms, int *ret)
{
	return ready() ? lib.multi_poll(m, extra_fds, extra_nfds, timeout_ms, ret) : CURLM_INTERNAL_ERROR;
}

CURLMsg *curl_multi_info_read(CURLM *m, int *left)
{
	return ready() ? lib.multi_info_read(m, left) : NULL;
}

CURLMcode curl_multi_setopt(CURLM *m, CURLMoption o, ...)
{
	if (!ready())
		return CURLM_INTERNAL_ERROR;
	va_list ap;
	va_start(ap, o);
	CURLMcode rc = multi_setopt_v(m, o, ap);
	va_end(ap);
	return rc;
}

struct curl_slist *curl_slist_append(struct curl_slist *list, const char *s)
{
	return ready() ? lib.slist_append(list, s) : NULL;
}

void curl_slist_free_all(struct curl_slist *list)
{
	if (ready())
		lib.slist_free_all(list);
}
