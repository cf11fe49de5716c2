/*
 * tui_jobs.c: refresh and full-article fetch run as child processes
 * (`dateline refresh`, `dateline save URL`) so the interface never calls curl
 * or libxml2 and stays usable: the main loop polls the child's output pipe
 * between keys and shows its progress in the status line.
 */
#include "tui_app.h"
#include "base.h"
#include "store.h"
#include "tui.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

void export_start(struct app *ap, const char *path)
{
	if (!path[0]) {
		app_msg(ap, 1, "not exported: no file named");
		return;
	}
	job_start(ap, 3, path, ap->confirm_id);
}

int job_start(struct app *ap, int kind, const char *url, long long item_id)
{
	struct job *j = &ap->job;
	if (j->pid) {
		app_msg(ap, 1, "%s is still running", j->kind == 1 ? "a refresh" : j->kind == 2 ? "a fetch" : "an export");
		return -1;
	}
	int out = -1; /* an export writes the child's standard output to the file the user named */
	if (kind == 3 && (out = open(url, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)) < 0) {
		app_msg(ap, 1, "cannot write %.200s: %s", url, strerror(errno));
		return -1;
	}
	const char *self = access("/proc/self/exe", X_OK) == 0 ? "/proc/self/exe" : ap->self;
	if (!self) {
		app_msg(ap, 1, "cannot find the dateline program to run");
		return -1;
	}
	int fds[2];
	if (pipe(fds)) {
		if (out >= 0)
			close(out);
		app_msg(ap, 1, "cannot start: %s", strerror(errno));
		return -1;
	}
	/*
	 * a refresh of one feed names it (its URL) after the options; a fetch
	 * stores the page as the full text of its item (save --item), never as
	 * a copy of its own; an export writes the item as Markdown
	 */
	char idarg[32];
	snprintf(idarg, sizeof idarg, "%lld", item_id);
	char *refresh_argv[] = {"dateline", "refresh", "--no-progress", (char *)url, NULL};
	char *fetch_argv[] = {"dateline", "save", "--item", idarg, (char *)url, NULL};
	char *fetch_own_argv[] = {"dateline", "save", (char *)url, NULL};
	char *export_argv[] = {"dateline", "export", idarg, "--format", "markdown", NULL};
	char **argv = kind == 1 ? refresh_argv : kind == 3 ? export_argv : item_id > 0 ? fetch_argv : fetch_own_argv;
	pid_t pid = fork();
	if (pid == 0) {
		int null = open("/dev/null", O_RDONLY);
		if (null >= 0)
			dup2(null, STDIN_FILENO);
		dup2(out >= 0 ? out : fds[1], STDOUT_FILENO);
		dup2(fds[1], STDERR_FILENO);
		close(fds[0]);
		close(fds[1]);
		execv(self, argv);
		_exit(127);
	}
	close(fds[1]);
	if (out >= 0)
		close(out);
	if (pid < 0) {
		close(fds[0]);
		app_msg(ap, 1, "cannot start: %s", strerror(errno));
		return -1;
	}
	fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK);
	memset(j, 0, sizeof *j);
	j->pid = pid;
	j->fd = fds[0];
	j->kind = kind;
	j->item_id = item_id;
	j->started = clock_seconds();
	if (kind == 3)
		snprintf(j->target, sizeof j->target, "%s", url);
	return 0;
}

/* Keeps the last complete line the child wrote. */
static void take_output(struct job *j, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n' || s[i] == '\r') {
			if (j->partial_len) {
				size_t skip = j->partial_len > 10 && !memcmp(j->partial, "dateline: ", 10) ? 10 : 0;
				memcpy(j->last, j->partial + skip, j->partial_len - skip);
				j->last[j->partial_len - skip] = 0;
			}
			j->partial_len = 0;
		} else if (j->partial_len + 1 < sizeof j->partial) {
			j->partial[j->partial_len++] = s[i];
		}
	}
}

/*
 * A child's last line as the status line says it: the reason first, so the
 * width cuts the address rather than the cause ("URL: connection refused"
 * becomes "connection refused (URL)"); `save`'s "ID  Headline (...)" loses
 * the item id, which means nothing to the user.
 */
static void job_words(const char *last, int kind, int ok, char *out, size_t cap)
{
	const char *p = last;
	if (kind == 2 && ok) {
		while (*p >= '0' && *p <= '9')
			p++;
		while (*p == ' ')
			p++;
		snprintf(out, cap, "%s", p);
		return;
	}
	const char *sep = tui_is_web_url(p) ? strstr(p, ": ") : NULL;
	if (sep && sep[2])
		snprintf(out, cap, "%s (%.*s)", sep + 2, (int)(sep - p), p);
	else
		snprintf(out, cap, "%s", p);
}

int job_poll(struct app *ap)
{
	struct job *j = &ap->job;
	if (!j->pid)
		return 0;
	char buf[4096];
	for (;;) {
		ssize_t n = j->fd >= 0 ? read(j->fd, buf, sizeof buf) : 0;
		if (n > 0) {
			take_output(j, buf, (size_t)n);
			continue;
		}
		if (n == 0 && j->fd >= 0) {
			close(j->fd);
			j->fd = -1;
		}
		break;
	}
	int status;
	pid_t r = waitpid(j->pid, &status, WNOHANG);
	if (r == 0)
		return 0;
	take_output(j, "\n", 1);
	int ok = r == j->pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
	int kind = j->kind;
	long long item = j->item_id;
	char last[300], target[256];
	job_words(j->last, j->kind, ok, last, sizeof last);
	snprintf(target, sizeof target, "%s", j->target);
	if (j->fd >= 0)
		close(j->fd);
	memset(j, 0, sizeof *j);
	j->fd = -1;
	/* the child's words are shown sanitised by the status line's caller */
	if (kind == 3)
		app_msg(ap, !ok, ok ? "exported to %.200s" : "export failed: %.200s", ok ? target : last);
	else if (kind == 1) /* a refresh where some feeds failed still refreshed the others */
		app_msg(ap, !ok, "refresh %s%s%s", ok ? "done" : "ended with errors", last[0] ? ": " : "", last);
	else
		app_msg(ap, !ok, "%s%s%s", ok ? "full article stored" : "fetch failed", last[0] ? ": " : "", last);
	if (ok && kind == 2 && item && item == ap->item_id && app_screen(ap) == SCR_READER)
		app_open_item(ap, item, -1);
	if (ok && app_screen(ap) == SCR_ARTICLES)
		articles_load(ap, ap->av.title, ap->av.flags, ap->av.feed_id);
	return 1;
}

void job_status(const struct app *ap, char *out, size_t cap)
{
	const struct job *j = &ap->job;
	out[0] = 0;
	if (!j->pid)
		return;
	snprintf(out, cap, "%s %.0fs%s%.60s", j->kind == 1 ? "refreshing" : j->kind == 2 ? "fetching" : "exporting",
	         clock_seconds() - j->started,
	         j->last[0] ? ": " : "", j->last);
}

void job_stop(struct app *ap)
{
	struct job *j = &ap->job;
	if (j->pid) {
		kill(j->pid, SIGTERM);
		while (waitpid(j->pid, NULL, 0) < 0 && errno == EINTR)
			;
	}
	if (j->fd >= 0 && j->pid)
		close(j->fd);
	j->pid = 0;
	j->fd = -1;
}

void job_auto_refresh(struct app *ap, int startup)
{
	double t = clock_seconds(), every = ap->cfg.reload_time * 60.0;
	if (!ap->st)
		return;
	if (startup) {
		ap->next_reload = every > 0 ? t + every : 0;
		if (ap->cfg.refresh_on_startup)
			job_start(ap, 1, NULL, 0);
		return;
	}
	if (!ap->next_reload || t < ap->next_reload)
		return;
	ap->next_reload = t + every;
	if (!ap->job.pid) /* a refresh already running is as good; the next comes a period later */
		job_start(ap, 1, NULL, 0);
}

int job_auto_wait_ms(const struct app *ap)
{
	if (!ap->next_reload)
		return -1;
	double ms = (ap->next_reload - clock_seconds()) * 1000.0;
	return ms < 0 ? 0 : ms > 3600e3 ? 3600000 : (int)ms + 1;
}
