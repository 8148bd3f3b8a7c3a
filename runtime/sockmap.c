/*
 * sockmap.c - the "socket" map class (see sockmap.h).
 *
 * Entry point: map_socket_lookup(). The K line's argument names the
 * endpoint; it is parsed and connected on the first lookup, with
 * sendmail 8.17's messages ("socket map "X": unknown port name P", ...).
 * A connection that cannot be made is a silent temporary failure, as in
 * sendmail. Replies are read through a small buffer with one deadline
 * per lookup; the length prefix is read the way sendmail's "%9u" scanf
 * reads it (blanks, a sign, at most 9 digits), then ':' and at most
 * LIMIT_SOCKET_MAP_REPLY bytes and ','. Any error closes the connection
 * (sendmail keeps it after "missing ':'"; we do not reuse a connection
 * whose replies are out of step) and the next lookup reconnects.
 */
#include "runtime/sockmap.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <netdb.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "lib/arena.h"
#include "lib/str.h"
#include "lib/xalloc.h"
#include "runtime/mapclass.h"

struct sockmap {
	const char *spec;		/* the K line's endpoint, for sharing */
	int refs;			/* maps using this endpoint */
	int fd;				/* -1: not connected */
	int family;
	struct sockaddr_storage addr;
	socklen_t addrlen;
	int timeout;			/* seconds */
};

/* Buffered reading of one reply, with the lookup's deadline. */
struct reader {
	int fd;
	struct timespec deadline;
	unsigned char buf[512];
	size_t pos, len;
	int eof, timedout;
};

/* Close the connection and free the endpoint. */
void sockmap_free(struct sockmap **sp)
{
	if (*sp && --(*sp)->refs == 0) {
		if ((*sp)->fd >= 0)
			close((*sp)->fd);
		free(*sp);
	}
	*sp = NULL;
}

/* Print "socket map "NAME": message" (an endpoint problem); status is
 * the exit status sendmail's syserr() leaves (EX_OSERR with an errno). */
__attribute__((format(printf, 4, 5)))
static void endpoint_error(struct rt *rt, const struct rt_map *m, int status,
			   const char *fmt, ...)
{
	va_list ap;

	rt_fail(rt, status);	/* syserr(): the first problem counts */
	fprintf(rt->out, "socket map \"%s\": ", m->name);
	va_start(ap, fmt);
	vfprintf(rt->out, fmt, ap);
	va_end(ap);
	putc('\n', rt->out);
}

/* "local:/path": the path must exist (sendmail's safefile() check). */
static int parse_local(struct rt *rt, struct rt_map *m, struct sockmap *s,
		       const char *path)
{
	struct sockaddr_un *un = (struct sockaddr_un *)&s->addr;
	struct stat st;

	if (strlen(path) >= sizeof un->sun_path)
		errno = ENAMETOOLONG;
	if (errno == ENAMETOOLONG || stat(path, &st) < 0) {
		endpoint_error(rt, m, RT_OSERR, "local socket name %s unsafe: %s", path,
			       strerror(errno));
		return -1;
	}
	un->sun_family = AF_UNIX;
	memcpy(un->sun_path, path, strlen(path) + 1);
	s->family = AF_UNIX;
	s->addrlen = sizeof *un;
	return 0;
}

/* The port of "port@host": a number (cut to 16 bits, as sendmail's
 * htons() does) or a service name; -1 if unknown. */
static int parse_port(const char *p, size_t n)
{
	char name[64];
	struct servent *se;

	if (n > 0 && strspn(p, "0123456789") >= n)
		return (unsigned short)atoi(p);
	if (n >= sizeof name)
		return -1;
	memcpy(name, p, n);
	name[n] = '\0';
	se = n ? getservbyname(name, "tcp") : NULL;
	return se ? ntohs((unsigned short)se->s_port) : -1;
}

/* The address of host ("[1.2.3.4]" or a name) in family into s. */
static int resolve_host(struct sockmap *s, const char *host, int port)
{
	struct addrinfo hints, *res = NULL;
	char name[256];
	size_t n = strlen(host);

	if (host[0] == '[' && n > 1 && host[n - 1] == ']')
		host++, n -= 2;
	if (n == 0 || n >= sizeof name)
		return -1;
	memcpy(name, host, n);
	name[n] = '\0';
	memset(&hints, 0, sizeof hints);
	hints.ai_family = s->family;
	hints.ai_socktype = SOCK_STREAM;
	if (getaddrinfo(name, NULL, &hints, &res) != 0 || !res)
		return -1;
	memcpy(&s->addr, res->ai_addr, res->ai_addrlen);
	s->addrlen = res->ai_addrlen;
	freeaddrinfo(res);
	if (s->family == AF_INET)
		((struct sockaddr_in *)&s->addr)->sin_port = htons((unsigned short)port);
	else
		((struct sockaddr_in6 *)&s->addr)->sin6_port = htons((unsigned short)port);
	return 0;
}

/* "inet:port@host" / "inet6:port@host". */
static int parse_inet(struct rt *rt, struct rt_map *m, struct sockmap *s,
		      const char *spec)
{
	const char *at = strchr(spec, '@');
	int port;

	if (!at) {
		endpoint_error(rt, m, RT_SOFTWARE, "bad address %s (expected port@host)", spec);
		return -1;
	}
	port = parse_port(spec, (size_t)(at - spec));
	if (port < 0) {
		endpoint_error(rt, m, RT_SOFTWARE, "unknown port name %.*s", (int)(at - spec), spec);
		return -1;
	}
	if (resolve_host(s, at + 1, port) < 0) {
		endpoint_error(rt, m, RT_SOFTWARE, "Unknown host name %s", at + 1);
		return -1;
	}
	return 0;
}

/* Parse the K line's endpoint "type:address" (no type: a local path). */
static int parse_spec(struct rt *rt, struct rt_map *m, struct sockmap *s)
{
	char *spec = arena_strdup(rt->work, s->spec);
	char *colon = strchr(spec, ':');

	errno = 0;
	if (!colon)
		return parse_local(rt, m, s, spec);
	*colon = '\0';
	if (strcmp(spec, "local") == 0 || strcmp(spec, "unix") == 0)
		return parse_local(rt, m, s, colon + 1);
	if (strcmp(spec, "inet") == 0 || strcmp(spec, "inet6") == 0) {
		s->family = spec[4] ? AF_INET6 : AF_INET;
		return parse_inet(rt, m, s, colon + 1);
	}
	endpoint_error(rt, m, RT_OSERR, "unknown socket type %s: %s", spec, strerror(EPROTONOSUPPORT));
	return -1;
}

/* Connect s; the send timeout also bounds connect() (Linux). */
static int sock_connect(struct sockmap *s)
{
	struct timeval tv = { s->timeout, 0 };
	int fd = socket(s->family, SOCK_STREAM | SOCK_CLOEXEC, 0);

	if (fd < 0)
		return -1;
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
	if (connect(fd, (struct sockaddr *)&s->addr, s->addrlen) < 0) {
		close(fd);
		return -1;
	}
	s->fd = fd;
	return 0;
}

/* Drop the connection (the next lookup reconnects). */
static void sock_drop(struct sockmap *s)
{
	if (s->fd >= 0)
		close(s->fd);
	s->fd = -1;
}

/* The endpoint of another map with the same K line argument that is
 * open, or NULL (op.txt: such maps share one connection). */
static struct sockmap *shared_endpoint(struct rt *rt, const struct rt_map *m)
{
	size_t n = strcspn(m->args, " \t");

	for (size_t i = 0; i < rt->nmaps; i++) {
		const struct rt_map *o = &rt->maps[i];

		if (o != m && o->sock && !o->failed && strlen(o->sock->spec) == n &&
		    strncmp(o->sock->spec, m->args, n) == 0)
			return o->sock;
	}
	return NULL;
}

/* Parse and connect on first use; 0 when connected. A bad endpoint or a
 * refused first connection fails the map for good, as in sendmail. */
int map_socket_open(struct rt *rt, struct rt_map *m)
{
	struct sockmap *s;

	if (m->opened)
		return m->failed ? -1 : m->sock->fd >= 0 ? 0 : sock_connect(m->sock);
	m->opened = 1;
	if ((m->sock = shared_endpoint(rt, m)) != NULL) {
		m->sock->refs++;
		return m->sock->fd >= 0 ? 0 : sock_connect(m->sock);
	}
	m->sock = s = xcalloc(1, sizeof *s);
	s->refs = 1;
	s->fd = -1;
	s->spec = arena_strndup(rt->arena, m->args, strcspn(m->args, " \t"));
	s->timeout = m->dflag ? atoi(m->dflag) : 0;
	if (s->timeout <= 0)
		s->timeout = LIMIT_SOCKET_MAP_SECONDS;
	if (parse_spec(rt, m, s) < 0 || sock_connect(s) < 0)
		m->failed = 1;
	return m->failed ? -1 : 0;
}

/* Milliseconds left before r's deadline (0 when past it). */
static int ms_left(const struct timespec *deadline)
{
	struct timespec now;
	long long ms;

	clock_gettime(CLOCK_MONOTONIC, &now);
	ms = (long long)(deadline->tv_sec - now.tv_sec) * 1000 +
	     (deadline->tv_nsec - now.tv_nsec) / 1000000;
	return ms < 0 ? 0 : ms > 86400000 ? 86400000 : (int)ms;
}

/* The next byte of the reply, or -1 at end of file or on timeout. */
static int rd_getc(struct reader *r)
{
	if (r->pos == r->len) {
		struct pollfd p = { r->fd, POLLIN, 0 };
		ssize_t n;

		if (r->eof || r->timedout)
			return -1;
		if (poll(&p, 1, ms_left(&r->deadline)) <= 0) {
			r->timedout = 1;
			return -1;
		}
		n = read(r->fd, r->buf, sizeof r->buf);
		if (n <= 0) {
			r->eof = 1;
			return -1;
		}
		r->pos = 0;
		r->len = (size_t)n;
	}
	return r->buf[r->pos++];
}

/* Put back the byte rd_getc() just returned (c >= 0). */
static void rd_ungetc(struct reader *r, int c)
{
	if (c >= 0)
		r->pos--;
}

/* The length prefix as scanf "%9u" reads it: 1, 0 (no number) or -1 (end
 * of file or timeout before anything but blanks). */
static int read_length(struct reader *r, unsigned *len)
{
	int c, width = LIMIT_SOCKET_MAP_LENGTH_DIGITS, neg = 0, digits = 0;
	unsigned v = 0;

	while ((c = rd_getc(r)) >= 0 && isspace(c))
		;
	if (c < 0)
		return -1;
	if (c == '+' || c == '-') {
		neg = c == '-';
		width--;
		c = rd_getc(r);
	}
	for (; width > 0 && c >= '0' && c <= '9'; width--, digits++) {
		v = v * 10 + (unsigned)(c - '0');
		c = rd_getc(r);
	}
	rd_ungetc(r, c);
	*len = neg ? 0u - v : v;
	return digits ? 1 : 0;
}

/* Report a failed reply: the timeout if there was one (exit status
 * EX_OSERR, as sendmail's syserr() with errno set), else msg (EX_SOFTWARE;
 * NULL: nothing, for a server that closed before answering, as sendmail).
 * Returns -1. */
static int reply_fail(struct rt *rt, const struct rt_map *m, const struct reader *r,
		      const char *msg)
{
	if (!r->timedout && !msg)
		return -1;
	if (r->timedout)
		fprintf(rt->out, "socket_map_lookup(%s): read timeout: %s\n", m->name,
			strerror(EAGAIN));
	else
		fprintf(rt->out, "socket_map_lookup(%s): %s\n", m->name, msg);
	rt_fail(rt, r->timedout ? RT_OSERR : RT_SOFTWARE);
	return -1;
}

/* Read one netstring reply "LEN:TEXT," into out; 0, or -1 (reported). */
static int read_reply(struct rt *rt, const struct rt_map *m, struct reader *r,
		      struct str *out)
{
	char msg[128];
	unsigned len;
	int got = read_length(r, &len);

	if (got <= 0) {
		snprintf(msg, sizeof msg, "failed to read length parameter of reply %d", got);
		return reply_fail(rt, m, r, got < 0 ? NULL : msg);
	}
	if (len > LIMIT_SOCKET_MAP_REPLY) {
		snprintf(msg, sizeof msg, "reply too long: %u", len);
		return reply_fail(rt, m, r, msg);
	}
	if (rd_getc(r) != ':')
		return reply_fail(rt, m, r, "missing ':' in reply");
	while (out->len < len) {
		int c = rd_getc(r);

		if (c < 0) {
			snprintf(msg, sizeof msg, "received only %zu of %u reply characters",
				 out->len, len);
			return reply_fail(rt, m, r, msg);
		}
		str_appendc(out, (char)c);
	}
	if (rd_getc(r) != ',')
		return reply_fail(rt, m, r, "missing ',' in reply");
	return 0;
}

/* Send "LEN:NAME KEY," within the deadline; 0 or -1 (reported). */
static int send_request(struct rt *rt, const struct rt_map *m, const char *key)
{
	struct str req = STR_INIT;
	size_t done = 0;
	int rc = 0;

	str_printf(&req, "%zu:%s %s,", strlen(m->name) + 1 + strlen(key), m->name, key);
	while (rc == 0 && done < req.len) {
		ssize_t n = send(m->sock->fd, req.s + done, req.len - done, MSG_NOSIGNAL);

		if (n > 0)
			done += (size_t)n;
		else if (n < 0 && errno == EINTR)
			continue;
		else
			rc = -1;
	}
	if (rc < 0) {
		fprintf(rt->out, "socket_map_lookup(%s): failed to send lookup request: %s\n",
			m->name, strerror(errno));
		rt_fail(rt, RT_OSERR);
	}
	str_free(&req);
	return rc;
}

/* The status word of a reply: OK (*value set: the text after the first
 * blank, "" when there is none), or the lookup status it stands for. */
int sockmap_status(const char *reply, const char **value)
{
	static const struct { const char *word; int status; } words[] = {
		{ "NOTFOUND", RT_NOHOST }, { "TEMP", RT_TEMPFAIL },
		{ "TIMEOUT", RT_TEMPFAIL }, { "PERM", RT_UNAVAILABLE },
	};
	size_t n = strcspn(reply, " ");

	*value = NULL;
	if (n == 2 && strncmp(reply, "OK", 2) == 0) {
		*value = reply[n] ? reply + n + 1 : "";	/* sendmail crashes on "OK" */
		return RT_OK;
	}
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strlen(words[i].word) == n && strncmp(reply, words[i].word, n) == 0)
			return words[i].status;
	return EX_PROTOCOL;
}

/* "socket" class: ask the server (key folded unless -f). */
const char *map_socket_lookup(struct rt *rt, struct rt_map *m, char *key,
			      const char *const *args, int nargs, int *stat)
{
	struct reader r = { .fd = -1 };
	struct str reply = STR_INIT;
	const char *value, *res = NULL;

	*stat = RT_TEMPFAIL;
	if (map_socket_open(rt, m) < 0)
		return NULL;
	map_fold(m, key);
	if (send_request(rt, m, key) < 0) {
		sock_drop(m->sock);
		return NULL;
	}
	r.fd = m->sock->fd;
	clock_gettime(CLOCK_MONOTONIC, &r.deadline);
	r.deadline.tv_sec += m->sock->timeout;
	if (read_reply(rt, m, &r, &reply) < 0) {
		sock_drop(m->sock);
	} else {
		*stat = sockmap_status(str_cstr(&reply), &value);
		if (*stat == RT_OK)
			res = map_result(rt, m, m->matchonly ? key : value, args, nargs);
	}
	str_free(&reply);
	return res;
}
