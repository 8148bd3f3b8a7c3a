/*
 * m4run.c - run m4 with pipes on all three standard streams; parse the
 * "#line" markers of `m4 -s` output (see m4run.h).
 *
 * The child gets the input on a pipe; poll() interleaves writing it with
 * draining stdout and stderr so no pipe can fill up and deadlock. The
 * output cap is LIMIT_M4_OUTPUT per stream: a runaway m4 (recursive macro
 * printing forever) is killed instead of filling memory; one that loops
 * without output is killed after LIMIT_M4_SECONDS (or MAILCF_M4_SECONDS).
 */
#include "cfgen/m4run.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "lib/num.h"

#include "lib/limits.h"
#include "lib/xalloc.h"

/* Close both ends of the pipes that exist. */
static void close_pipes(int p[3][2])
{
	for (int i = 0; i < 3; i++)
		for (int j = 0; j < 2; j++)
			if (p[i][j] >= 0)
				close(p[i][j]);
}

/* In the child: wire the pipes to fds 0-2 and exec; never returns. */
static void child(char *const argv[], int p[3][2])
{
	if (dup2(p[0][0], 0) < 0 || dup2(p[1][1], 1) < 0 || dup2(p[2][1], 2) < 0)
		_exit(127);
	close_pipes(p);
	execvp(argv[0], argv);
	dprintf(2, "cannot run %s: %s\n", argv[0], strerror(errno));
	_exit(127);
}

/* Read what is available on fd into b; 0 at EOF, 1 more may come, -1 cap. */
static int drain(int fd, struct str *b)
{
	char buf[65536];
	ssize_t n = read(fd, buf, sizeof buf);

	if (n < 0)
		return errno == EINTR || errno == EAGAIN ? 1 : 0;
	if (n == 0)
		return 0;
	if (b->len + (size_t)n > LIMIT_M4_OUTPUT)
		return -1;
	str_appendn(b, buf, (size_t)n);
	return 1;
}

/* Close every descriptor still open in fds. */
static void close_fds(struct pollfd *fds, int n)
{
	for (int i = 0; i < n; i++)
		if (fds[i].fd >= 0)
			close(fds[i].fd);
}

/* Write what the pipe takes of input[*done..len); closes it when done or
 * broken. */
static void feed(struct pollfd *fd, const char *input, size_t len, size_t *done)
{
	ssize_t n = write(fd->fd, input + *done, len - *done);

	if (n > 0)
		*done += (size_t)n;
	if ((n < 0 && errno != EINTR && errno != EAGAIN) || *done == len) {
		close(fd->fd);
		fd->fd = -1;
	}
}

/* Feed input and collect output until both output pipes close. Every
 * descriptor passed in is closed on return. 0, -1 past the cap, -2 past
 * the deadline. */
static int pump(int in, int out, int err, const char *input, size_t len,
		struct m4run *r, time_t deadline)
{
	struct pollfd fds[3] = { { in, POLLOUT, 0 }, { out, POLLIN, 0 }, { err, POLLIN, 0 } };
	struct str *dst[3] = { NULL, &r->out, &r->err };
	size_t done = 0;
	int rc = 0;

	if (len == 0) {
		close(in);
		fds[0].fd = -1;
	} else {
		fcntl(in, F_SETFL, fcntl(in, F_GETFL) | O_NONBLOCK);	/* partial writes */
	}
	while (rc == 0 && (fds[1].fd >= 0 || fds[2].fd >= 0)) {
		time_t left = deadline - time(NULL);
		int n = left > 0 ? poll(fds, 3, (int)left * 1000) : 0;

		if (n == 0) {
			rc = -2;
			break;
		}
		if (n < 0) {
			rc = errno == EINTR ? 0 : -1;
			continue;
		}
		if (fds[0].fd >= 0 && fds[0].revents)
			feed(&fds[0], input, len, &done);
		for (int i = 1; i < 3 && rc == 0; i++) {
			if (fds[i].fd < 0 || !fds[i].revents)
				continue;
			int st = drain(fds[i].fd, dst[i]);
			if (st < 0)
				rc = -1;
			else if (st == 0) {
				close(fds[i].fd);
				fds[i].fd = -1;
			}
		}
	}
	close_fds(fds, 3);
	return rc;
}

/* The time m4 may run: MAILCF_M4_SECONDS if valid, else LIMIT_M4_SECONDS. */
static long long m4_seconds(void)
{
	const char *e = getenv("MAILCF_M4_SECONDS");
	long long v;

	if (e && parse_num(e, 1, 86400, &v) == 0)
		return v;
	return LIMIT_M4_SECONDS;
}

int m4run_exec(char *const argv[], const char *input, size_t len, struct m4run *r)
{
	int p[3][2] = { { -1, -1 }, { -1, -1 }, { -1, -1 } };
	int wst, rc;
	pid_t pid;

	memset(r, 0, sizeof *r);
	r->status = -1;
	for (int i = 0; i < 3; i++)
		if (pipe2(p[i], O_CLOEXEC) < 0) {
			snprintf(r->errmsg, sizeof r->errmsg, "pipe: %s", strerror(errno));
			close_pipes(p);
			return -1;
		}
	pid = fork();
	if (pid < 0) {
		snprintf(r->errmsg, sizeof r->errmsg, "fork: %s", strerror(errno));
		close_pipes(p);
		return -1;
	}
	if (pid == 0)
		child(argv, p);
	close(p[0][0]);
	close(p[1][1]);
	close(p[2][1]);
	signal(SIGPIPE, SIG_IGN);
	rc = pump(p[0][1], p[1][0], p[2][0], input, len, r, time(NULL) + m4_seconds());
	if (rc < 0) {		/* pump closed every pipe end it had open */
		kill(pid, SIGKILL);
		if (rc == -2)
			snprintf(r->errmsg, sizeof r->errmsg, "%s: still running after %lld "
				 "seconds (a macro that expands itself?), stopped",
				 argv[0], m4_seconds());
		else
			snprintf(r->errmsg, sizeof r->errmsg, "%s: output larger than %d "
				 "bytes, stopped", argv[0], LIMIT_M4_OUTPUT);
		rc = -1;
	}
	while (waitpid(pid, &wst, 0) < 0 && errno == EINTR)
		;
	r->status = WIFEXITED(wst) ? WEXITSTATUS(wst) : 128 + WTERMSIG(wst);
	return rc;
}

void m4run_free(struct m4run *r)
{
	str_free(&r->out);
	str_free(&r->err);
}

/* Parse a "#line N" / "#line N \"F\"" marker that ends s[0..len).
 * Returns the offset where it starts, or -1; *line and *file (not
 * terminated, *flen bytes; NULL when absent) describe it. */
static long find_marker(const char *s, size_t len, unsigned long *line,
			const char **file, size_t *flen)
{
	const char *m = NULL;

	for (const char *p = s; (p = memmem(p, len - (size_t)(p - s), "#line ", 6)); p++)
		m = p;
	if (m == NULL)
		return -1;
	const char *q = m + 6, *end = s + len;
	char *e;
	*line = strtoul(q, &e, 10);
	if (e == q)
		return -1;
	*file = NULL;
	*flen = 0;
	if (e < end && *e == ' ' && e + 1 < end && e[1] == '"' && end[-1] == '"' &&
	    end - 1 > e + 1) {
		*file = e + 2;
		*flen = (size_t)(end - 1 - *file);
		e = (char *)end;
	}
	return e == end ? m - s : -1;
}

/* Remember a file name; the stored copy is returned. */
static const char *intern(struct m4run_lines *l, const char *f, size_t n)
{
	for (size_t i = 0; i < l->nnames; i++)
		if (strlen(l->names[i]) == n && memcmp(l->names[i], f, n) == 0)
			return l->names[i];
	l->names = xreallocarray(l->names, l->nnames + 1, sizeof *l->names);
	l->names[l->nnames] = xmalloc(n + 1);
	memcpy(l->names[l->nnames], f, n);
	l->names[l->nnames][n] = '\0';
	return l->names[l->nnames++];
}

/* Record the origin of the next output line. */
static void add_line(struct m4run_lines *l, const char *file, unsigned line)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? size_mul(l->cap, 2) : 256;
		l->origin = xreallocarray(l->origin, l->cap, sizeof *l->origin);
	}
	l->origin[l->n++] = (struct srcpos){ file, line, 0 };
}

void m4run_strip_synclines(const char *text, size_t len, struct str *out,
			   struct m4run_lines *lines)
{
	const char *file = NULL, *p = text, *end = text + len;
	unsigned long next = 0;
	int joining = 0;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		unsigned long ln;
		const char *f;
		size_t flen;
		long at = find_marker(p, n, &ln, &f, &flen);

		if (at >= 0) {
			if (at > 0 && !joining) {	/* the split line starts here */
				add_line(lines, file, (unsigned)next);
				joining = 1;
			}
			if (f)
				file = intern(lines, f, flen);
			str_appendn(out, p, (size_t)at);
			next = ln;
		} else {
			if (!joining)
				add_line(lines, file, (unsigned)next);
			joining = 0;
			str_appendn(out, p, n);
			if (nl)
				str_appendc(out, '\n');
			if (next)
				next++;
		}
		p = nl ? nl + 1 : end;
	}
}

const struct srcpos *m4run_origin(const struct m4run_lines *lines, unsigned line)
{
	if (line == 0 || line > lines->n || lines->origin[line - 1].file == NULL)
		return NULL;
	return &lines->origin[line - 1];
}

void m4run_lines_free(struct m4run_lines *lines)
{
	for (size_t i = 0; i < lines->nnames; i++)
		free(lines->names[i]);
	free(lines->names);
	free(lines->origin);
	memset(lines, 0, sizeof *lines);
}
