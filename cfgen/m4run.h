/*
 * m4run.h - run GNU m4 as a program and read its synchronisation lines.
 *
 * m4run_exec() starts argv[0] (looked up in PATH) with the given text on
 * its stdin and collects stdout and stderr completely (each bounded by
 * LIMIT_M4_OUTPUT; past it the child is killed and the run fails). Nothing
 * is written anywhere else.
 *
 * m4run_strip_synclines() turns `m4 -s` output back into the plain output
 * and records, for every output line, the input file and line it came from
 * (a "#line N" or "#line N \"FILE\"" marker describes the NEXT output line;
 * GNU m4 may put a marker in the middle of a line, when the source changes
 * before the line's newline: the marker then splits the line, and the
 * plain output is the text before it joined with the line after it).
 */
#ifndef MAILCF_M4RUN_H
#define MAILCF_M4RUN_H

#include <stddef.h>

#include "lib/diag.h"
#include "lib/str.h"

struct m4run {
	struct str out;		/* everything the program wrote to stdout */
	struct str err;		/* ... and to stderr */
	int status;		/* exit status; 128+N when killed by signal N */
	char errmsg[256];	/* why m4run_exec failed */
};

/* Where each line of stripped output came from: origin[i] is line i+1.
 * File names are owned by the map (freed by m4run_lines_free). */
struct m4run_lines {
	struct srcpos *origin;
	size_t n, cap;
	char **names;
	size_t nnames;
};

/* Run argv with input on stdin. 0 when the program ran to the end (look at
 * r->status), -1 when it could not be started, its output was too big or
 * it ran longer than LIMIT_M4_SECONDS / $MAILCF_M4_SECONDS (r->errmsg). r is always initialised; free it with m4run_free(). */
int m4run_exec(char *const argv[], const char *input, size_t len, struct m4run *r);
void m4run_free(struct m4run *r);

/* Strip the markers from len bytes of `m4 -s` output into out (appended)
 * and fill lines (which must start zeroed). */
void m4run_strip_synclines(const char *text, size_t len, struct str *out,
			   struct m4run_lines *lines);
/* The origin of output line (1-based), or NULL. */
const struct srcpos *m4run_origin(const struct m4run_lines *lines, unsigned line);
void m4run_lines_free(struct m4run_lines *lines);

#endif
