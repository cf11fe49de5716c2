/*
 * testhttpd.h: starts tests/httpd.py on 127.0.0.1 for a unit test and stops
 * it. Header-only so each test program stays one file plus this.
 */
#ifndef DATELINE_TESTHTTPD_H
#define DATELINE_TESTHTTPD_H

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

struct testhttpd {
	pid_t pid;            /* the python3 process */
	int port;             /* its port on 127.0.0.1 */
	char portfile[64];    /* where it wrote the port */
};

/* Starts the server (lifetime in seconds). 0, or -1 when python3 or the script is missing. */
static int testhttpd_start(struct testhttpd *s, int lifetime)
{
	const char *root = getenv("DATELINE_ROOT");
	char script[4096], life[16];
	snprintf(script, sizeof script, "%s/tests/httpd.py", root && *root ? root : ".");
	snprintf(life, sizeof life, "%d", lifetime);
	snprintf(s->portfile, sizeof s->portfile, "/tmp/dateline-httpd-%ld.port", (long)getpid());
	unlink(s->portfile);
	/* The test talks to 127.0.0.1 only: a proxy from the environment must not intercept it. */
	setenv("no_proxy", "127.0.0.1,localhost", 1);
	setenv("NO_PROXY", "127.0.0.1,localhost", 1);
	s->pid = fork();
	if (s->pid < 0)
		return -1;
	if (s->pid == 0) {
		execlp("python3", "python3", script, "--port-file", s->portfile, "--lifetime", life, (char *)NULL);
		_exit(127);
	}
	for (int i = 0; i < 200; i++) {
		FILE *f = fopen(s->portfile, "r");
		if (f) {
			int ok = fscanf(f, "%d", &s->port) == 1;
			fclose(f);
			if (ok)
				return 0;
		}
		int st;
		if (waitpid(s->pid, &st, WNOHANG) == s->pid)
			return -1;
		struct timespec ts = {0, 50 * 1000 * 1000};
		nanosleep(&ts, NULL);
	}
	return -1;
}

static void testhttpd_stop(struct testhttpd *s)
{
	if (s->pid > 0) {
		kill(s->pid, SIGTERM);
		waitpid(s->pid, NULL, 0);
		s->pid = 0;
	}
	unlink(s->portfile);
}

#endif
