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

	str_reset(line);
	*toolong = 0;
	*nonl = 0;
	while ((c = getc_unlocked(f)) != EOF && c != '\n') {
		if (n++ < max)
			str_appendc(line, (char)c);
		else
			*toolong = 1;
	}
	if (c == EOF) {
		if (ferror(f))
			return -1;
		if (n == 0)
			return 0;
		*nonl = 1;
	}
	return 1;
}
