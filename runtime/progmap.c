/*
 * progmap.c - the "program" map class (op.txt, "K -- Declare Keyed
 * Database": "the key is added to the initial parameters and the program
 * is invoked as the default user/group id. The first line of standard
 * output is returned as the value of the lookup").
 *
 * The K line's arguments (path and initial parameters, split at blanks)
 * plus the key form argv; no shell is involved. Run as root, the child
 * switches to the DefaultUser option's uid:gid (default 1:1) first.
 * stdin is /dev/null, stderr is discarded. Bounded: the first
 * LIMIT_MAP_RESULT bytes of output are read, and a program still running
 * after LIMIT_PROGRAM_MAP_SECONDS is killed (temporary failure). An exit
 * status other than 0 is "no match" with that status, as sendmail does.
 * Output after the first line is read and thrown away (sendmail reads it
 * into a stdio buffer), so a chatty program is not killed by SIGPIPE.
 */
#include "runtime/mapclass.h"
#include "runtime/mailer.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cfgen/ir.h"
#include "lib/arena.h"
#include "lib/limits.h"

#define PROG_MAX_ARGS 32

/* uid:gid of the DefaultUser option (sendmail's default is 1:1). */
static void default_user(const struct rt *rt, uid_t *uid, gid_t *gid)
{
	const struct ir_option *o = cf_option(rt->cf, "DefaultUser");
	const char *what, *name;
	long u, g;

	ugid_parse(o ? o->value : NULL, &u, &g, &what, &name);
	*uid = (uid_t)(u >= 0 ? u : 1);
	*gid = (gid_t)(g >= 0 ? g : 1);
}

/* The child: stdout to fd, the rest closed off, privileges dropped, exec. */
static void run_child(const struct rt *rt, char **argv, int fd)
{
	int devnull = open("/dev/null", O_RDWR);
	uid_t uid;
	gid_t gid;

	if (devnull < 0 || dup2(devnull, 0) < 0 || dup2(fd, 1) < 0 || dup2(devnull, 2) < 0)
		_exit(RT_TEMPFAIL);
	if (geteuid() == 0) {
		default_user(rt, &uid, &gid);
		if (setgroups(0, NULL) < 0 || setgid(gid) < 0 || setuid(uid) < 0)
			_exit(RT_TEMPFAIL);
	}
	execv(argv[0], argv);
	_exit(RT_TEMPFAIL);
}

/* Read up to max bytes of the first line from fd before the deadline.
 * Returns the length, or -1 on timeout. */
static ssize_t read_first_line(int fd, char *buf, size_t max, time_t deadline)
{
	size_t len = 0;

	while (len < max && memchr(buf, '\n', len) == NULL) {
		struct pollfd p = { fd, POLLIN, 0 };
		time_t left = deadline - time(NULL);
		ssize_t n;

		if (left <= 0 || poll(&p, 1, (int)left * 1000) == 0)
			return -1;
		n = read(fd, buf + len, max - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	return (ssize_t)len;
}

/* Read and discard the rest of the output until EOF, so the program is not
 * killed by SIGPIPE for writing more than one line. -1 on timeout. */
static int drain(int fd, time_t deadline)
{
	char sink[4096];

	for (;;) {
		struct pollfd p = { fd, POLLIN, 0 };
		time_t left = deadline - time(NULL);
		ssize_t n;

		if (left <= 0 || poll(&p, 1, (int)left * 1000) == 0)
			return -1;
		n = read(fd, sink, sizeof sink);
		if (n == 0 || (n < 0 && errno != EINTR))
			return 0;
	}
}

/* Split the K line arguments at blanks and add the key: argv in the arena. */
static int build_argv(struct rt *rt, const char *args, char *key, char **argv)
{
	char *copy = arena_strdup(rt->work, args), *save = NULL, *w;
	int n = 0;

	for (w = strtok_r(copy, " \t", &save); w && n < PROG_MAX_ARGS - 2;
	     w = strtok_r(NULL, " \t", &save))
		argv[n++] = w;
	argv[n++] = key;
	argv[n] = NULL;
	return n > 1 && argv[0][0] == '/' ? 0 : -1;
}

/* "program" class: see the file header. */
const char *map_program_lookup(struct rt *rt, struct rt_map *m, char *key,
			       const char *const *args, int nargs, int *stat)
{
	char *argv[PROG_MAX_ARGS], buf[LIMIT_MAP_RESULT + 1];
	int pfd[2], status;
	time_t deadline;
	ssize_t len;
	pid_t pid;

	if (build_argv(rt, m->args, key, argv) < 0 || pipe2(pfd, O_CLOEXEC) < 0) {
		*stat = RT_CONFIG;
		return NULL;
	}
	fflush(NULL);
	if ((pid = fork()) < 0) {
		close(pfd[0]);
		close(pfd[1]);
		*stat = RT_TEMPFAIL;
		return NULL;
	}
	if (pid == 0)
		run_child(rt, argv, pfd[1]);
	close(pfd[1]);
	deadline = time(NULL) + LIMIT_PROGRAM_MAP_SECONDS;
	len = read_first_line(pfd[0], buf, LIMIT_MAP_RESULT, deadline);
	if (len >= 0 && drain(pfd[0], deadline) < 0)
		len = -1;
	close(pfd[0]);
	if (len < 0)
		kill(pid, SIGKILL);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (len < 0 || !WIFEXITED(status)) {
		*stat = RT_TEMPFAIL;
		return NULL;
	}
	if (WEXITSTATUS(status) != 0) {
		*stat = WEXITSTATUS(status);
		return NULL;
	}
	buf[len] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
	if (buf[0] == '\0')
		return NULL;
	return map_result(rt, m, m->matchonly ? key : buf, args, nargs);
}
