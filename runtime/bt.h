/*
 * bt.h - address test mode (sendmail -bt), op.txt 3.8.
 *
 * bt_run() reads commands from in and answers on rt->out exactly as
 * sendmail 8.17 does: banner, "> " prompts, ruleset traces, ".D", ".C",
 * "=S", "=M", "-d", "$x", "$=c", "/tryflags", "/try", "/parse",
 * "/canon", "/mx", "/map", "/quit". Input lines are read in pieces of at
 * most LIMIT_BT_LINE - 1 bytes, as sendmail's fgets() does; addresses
 * longer than LIMIT_BT_ADDR are refused with sendmail's message.
 * bt_line() runs one command (the fuzz harness and tests use it).
 */
#ifndef MAILCF_BT_H
#define MAILCF_BT_H

#include <stdio.h>

#include "runtime/rt.h"

/* Run the command loop until end of input or /quit; returns the exit
 * status sendmail would (rt->exitstat). */
int bt_run(struct rt *rt, FILE *in);
/* Run one command line (no newline). Returns 1 after /quit, else 0. */
int bt_line(struct rt *rt, char *line);
/* Apply a -d specification ("21.12", "0-99.1", "" = all at 1). */
void bt_debug(struct rt *rt, const char *spec);

#endif
