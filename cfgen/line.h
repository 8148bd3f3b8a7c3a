/*
 * line.h - physical to logical .cf lines (op.txt 5; cf-format.md 1).
 *
 * line_next() returns one logical line: a physical line plus every following
 * line that starts with a space or TAB, the embedded newlines kept. CR before
 * LF is dropped. At config level >= 3 a '#' anywhere starts a comment running
 * to the next embedded newline (the blanks before it go too), except "$#"
 * and "\#" (which becomes '#'). Trailing blanks are removed. Lines that are
 * empty or start with '#' are skipped. The text is valid until the next call.
 * Positions: line_pos() maps an offset in the logical line back to the
 * physical line and 1-based column. Lines longer than LIMIT_CF_LINE are
 * reported (the caller gets len > LIMIT_CF_LINE and skips them).
 */
#ifndef MAILCF_LINE_H
#define MAILCF_LINE_H

#include <stddef.h>

#include "lib/str.h"

struct line_reader {
	const char *p, *end;	/* unread input */
	unsigned next_line;	/* number of the next physical line */
	int level;		/* config level in force (set by the parser) */
	struct str buf;		/* the current logical line */
	unsigned line;		/* first physical line of the current one */
	long cut;		/* offset in buf where a '#' comment was cut
				 * out of the first physical line, or -1 */
	unsigned cut_col;	/* its column */
	int cut_tab;		/* a TAB was among the blanks before it */
};

/* Start reading len bytes at text. */
void line_init(struct line_reader *r, const char *text, size_t len);
/* The next logical line into r->buf; 0 at end of input. */
int line_next(struct line_reader *r);
/* Physical line and column of byte off of the current logical line. */
void line_pos(const struct line_reader *r, size_t off, unsigned *line, unsigned *col);
/* Release the buffer. */
void line_free(struct line_reader *r);

#endif
