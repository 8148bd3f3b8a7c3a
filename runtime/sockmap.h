/*
 * sockmap.h - the "socket" map class (op.txt "socket"): a lookup is one
 * netstring request "LEN:MAPNAME KEY," to a server on a UNIX-domain
 * socket ("local:/path", "unix:/path", or a bare path) or TCP
 * ("inet:port@host", "inet6:port@host"), answered by one netstring
 * "OK value", "NOTFOUND", "TEMP ...", "TIMEOUT ..." or "PERM ...".
 *
 * The lookup function is map_socket_lookup (mapclass.h). The endpoint is
 * resolved and connected on first use; a bad endpoint prints sendmail's
 * message and the map then always answers "temporary failure". The
 * connection is kept between lookups and reopened after an error.
 * Every read and write has a deadline (-d<seconds>, else
 * LIMIT_SOCKET_MAP_SECONDS) and replies are bounded by
 * LIMIT_SOCKET_MAP_REPLY.
 */
#ifndef MAILCF_SOCKMAP_H
#define MAILCF_SOCKMAP_H

struct sockmap;

/* Close the connection and free the endpoint; *sp becomes NULL. */
void sockmap_free(struct sockmap **sp);

/* The status a reply's text stands for: RT_OK for "OK" (*value = the
 * text after the first blank, or "" for a bare "OK", on which sendmail
 * 8.17 crashes), RT_NOHOST for NOTFOUND, RT_TEMPFAIL for TEMP and
 * TIMEOUT, RT_UNAVAILABLE for PERM, EX_PROTOCOL for anything else. */
int sockmap_status(const char *reply, const char **value);

#endif
