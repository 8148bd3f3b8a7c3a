/*
 * lineread.h - bounded line reading for map and aliases sources.
 *
 * lineread() reads one line of any length from a stdio stream but keeps at
 * most max bytes of it, so a hostile source cannot make us allocate without
 * bound; the caller learns that the line was too long and reports it with
 * the right line number (the rest of the line is consumed, never split into
 * a second line as sendmail's fgets loop does). The newline is not stored;
 * NUL bytes are kept (callers reject them).
 */
#ifndef MAILCF_LINEREAD_H
#define MAILCF_LINEREAD_H

#include <stdio.h>

#include "lib/str.h"

/* Read the next line into line (replacing its contents). Returns 1 if a
 * line was read, 0 at end of input, -1 on a read error. *toolong is set to
 * 1 if the line had more than max bytes before its newline (line then
 * holds the first max bytes), else 0. *nonl is 1 for a last line without
 * a newline. */
int lineread(FILE *f, struct str *line, size_t max, int *toolong, int *nonl);

#endif
