/*
 * lineread.c - read one bounded line from a stream (see lineread.h).
 *
 * Uses getc_unlocked: sources are read by one thread, and a byte loop is
 * simpler than fgets when NUL bytes and over-long lines must be detected.
 * Memory per line is bounded by max; input length is not.
 */
#include "maps/lineread.h"

int lineread(FILE *f, struct str *line, size_t max, int *toolong, int *nonl)
{
	int c;
	size_t n = 0;

	/* One reservation per line, then plain stores: this loop runs once
	 * per input byte of million-line maps. */
	str_reset(line);
	str_reserve(line, max);
	char *p = line->s;
	*toolong = 0;
	*nonl = 0;
	while ((c = getc_unlocked(f)) != EOF && c != '\n') {
		if (n < max)
			p[n] = (char)c;
		else
			*toolong = 1;
		n++;
	}
	line->len = n < max ? n : max;
	p[line->len] = '\0';
	if (c == EOF) {
		if (ferror(f))
			return -1;
		if (n == 0)
			return 0;
		*nonl = 1;
	}
	return 1;
}
