/*
 * btcmd.h - the "/" commands and "=M" of address test mode (bt.h).
 *
 * btcmd_slash() dispatches "/tryflags", "/try", "/parse", "/canon",
 * "/mx", "/map" and "/quit" from one table; btcmd_print_mailers() prints
 * "=M" in sendmail's printmailer() format, built-in mailers (prog,
 * *file*, *include*) first; btcmd_scan() tokenizes -bt input with the
 * table the configuration level asks for, printing scan errors.
 */
#ifndef MAILCF_BTCMD_H
#define MAILCF_BTCMD_H

#include "runtime/rt.h"
#include "runtime/tok.h"

/* Run a "/" command; 1 after "/quit", else 0. */
int btcmd_slash(struct rt *rt, char *line);
/* Print every mailer ("=M"). */
void btcmd_print_mailers(struct rt *rt);
/* Tokenize s up to delim into ws (texts in rt->work); *end gets the
 * delimiter or NUL. Returns 0, or -1 after a fatal scan error. */
int btcmd_scan(struct rt *rt, const char *s, int delim, struct tokv *ws,
	       const char **end);

#endif
