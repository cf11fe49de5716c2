/* tui_open.c: opening a link in the browser: fork + execvp, the URL one argument, no shell. */
#include "tui.h"
#include "config.h"

#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>

int tui_is_web_url(const char *s)
{
	return s && (!strncasecmp(s, "http://", 7) || !strncasecmp(s, "https://", 8));
}

int tui_browser_argv(const char *cmd, const char *url, char *buf, size_t bufcap, char **argv, size_t cap)
{
	size_t n = strlen(cmd);
	if (n >= bufcap || cap < 3)
		return -1;
	memcpy(buf, cmd, n + 1);
	size_t argc = 0;
	int placed = 0;
	for (char *save = NULL, *w = strtok_r(buf, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
		if (argc + 2 >= cap)
			return -1;
		if (!strcmp(w, "%u") || !strcmp(w, "%s")) {
			argv[argc++] = (char *)url;
			placed = 1;
		} else {
			argv[argc++] = w;
		}
	}
	if (!argc)
		return -1;
	if (!placed)
		argv[argc++] = (char *)url;
	argv[argc] = NULL;
	return (int)argc;
}

int tui_open_url(const struct config *cfg, const char *url, char *err, size_t errlen)
{
	if (!tui_is_web_url(url)) {
		snprintf(err, errlen, "only http and https links are opened");
		return -1;
	}
	char cmd[512], buf[512], *argv[32];
	const char *env = getenv("BROWSER");
	if (cfg && cfg->browser[0])
		snprintf(cmd, sizeof cmd, "%s", cfg->browser);
	else if (env && *env)
		snprintf(cmd, sizeof cmd, "%.*s", (int)strcspn(env, ":"), env);
	else
		snprintf(cmd, sizeof cmd, "xdg-open");
	if (tui_browser_argv(cmd, url, buf, sizeof buf, argv, sizeof argv / sizeof *argv) < 0) {
		snprintf(err, errlen, "the browser command is empty or too long (set browser in the config)");
		return -1;
	}
	def_prog_mode();
	endwin();
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		execvp(argv[0], argv);
		_exit(127);
	}
	int status = 0, rc = 0;
	if (pid < 0) {
		snprintf(err, errlen, "cannot start the browser: %s", strerror(errno));
		rc = -1;
	} else {
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
		if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
			snprintf(err, errlen, "cannot run '%s' (set browser in the config or $BROWSER)", argv[0]);
			rc = -1;
		} else if (!WIFEXITED(status) || WEXITSTATUS(status)) {
			snprintf(err, errlen, "'%s' failed", argv[0]);
			rc = -1;
		}
	}
	reset_prog_mode();
	refresh();
	return rc;
}
