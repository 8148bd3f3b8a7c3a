/*
 * line.c - logical line assembly and comment removal (see line.h).
 *
 * Works on the whole file in memory; one pass per logical line, linear in
 * its length. Comment stripping follows sendmail's level-3 rule: a '#' not
 * preceded by '$' or '\' starts a comment that runs to the next embedded
 * newline; the blanks before it are removed with it.
 */
#include "cfgen/line.h"

#include <string.h>

void line_init(struct line_reader *r, const char *text, size_t len)
{
	memset(r, 0, sizeof *r);
	r->p = text;
	r->end = text + len;
	r->next_line = 1;
	r->level = 10;
}

/* Append one physical line (without its newline) to r->buf, dropping a CR
 * before the LF and level-3 comments. */
static void take_physical(struct line_reader *r, int first)
{
	const char *nl = memchr(r->p, '\n', (size_t)(r->end - r->p));
	const char *e = nl ? nl : r->end;
	const char *s = r->p;

	if (e > s && e[-1] == '\r')
		e--;
	for (const char *q = s; q < e; q++) {
		if (*q == '\\' && q + 1 < e && q[1] == '#' && r->level >= 3) {
			str_appendc(&r->buf, '#');
			q++;
			continue;
		}
		if (*q == '#' && r->level >= 3 && (q == s || q[-1] != '$')) {
			int tab = 0;
			while (r->buf.len > 0 && (r->buf.s[r->buf.len - 1] == ' ' ||
						  r->buf.s[r->buf.len - 1] == '\t')) {
				tab |= r->buf.s[r->buf.len - 1] == '\t';
				r->buf.len--;
			}
			if (first && r->cut < 0) {
				r->cut = (long)r->buf.len;
				r->cut_col = (unsigned)(q - s) + 1;
				r->cut_tab = tab;
			}
			break;
		}
		str_appendc(&r->buf, *q);
	}
	if (r->buf.s)
		r->buf.s[r->buf.len] = '\0';
	r->p = nl ? nl + 1 : r->end;
	r->next_line++;
}

int line_next(struct line_reader *r)
{
	for (;;) {
		int comment;

		if (r->p >= r->end)
			return 0;
		str_reset(&r->buf);
		r->cut = -1;
		r->line = r->next_line;
		comment = *r->p == '#';	/* whole-line comment, with its
					 * continuation lines */
		take_physical(r, 1);
		while (r->p < r->end && (*r->p == ' ' || *r->p == '\t')) {
			str_appendc(&r->buf, '\n');
			take_physical(r, 0);
		}
		while (r->buf.len > 0 && strchr(" \t\n\r", r->buf.s[r->buf.len - 1]))
			r->buf.len--;
		str_appendc(&r->buf, '\0');
		r->buf.len--;
		if (!comment && r->buf.len > 0 && r->buf.s[0] != ' ' &&
		    r->buf.s[0] != '\t' && r->buf.s[0] != '\n')
			return 1;
	}
}

void line_pos(const struct line_reader *r, size_t off, unsigned *line, unsigned *col)
{
	size_t bol = 0;
	unsigned l = r->line;

	if (off > r->buf.len)
		off = r->buf.len;
	for (size_t i = 0; i < off; i++)
		if (r->buf.s[i] == '\n') {
			l++;
			bol = i + 1;
		}
	*line = l;
	*col = (unsigned)(off - bol) + 1;
}

void line_free(struct line_reader *r) { str_free(&r->buf); }
