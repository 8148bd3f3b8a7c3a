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

/* Cut a level-3 comment at h: drop the blanks before it, remember where. */
static void cut_comment(struct line_reader *r, const char *s, const char *h, int first)
{
	int tab = 0;

	while (r->buf.len > 0 && (r->buf.s[r->buf.len - 1] == ' ' ||
				  r->buf.s[r->buf.len - 1] == '\t')) {
		tab |= r->buf.s[r->buf.len - 1] == '\t';
		r->buf.len--;
	}
	if (first && r->cut < 0) {
		r->cut = (long)r->buf.len;
		r->cut_col = (unsigned)(h - s) + 1;
		r->cut_tab = tab;
	}
}

/* Append one physical line (without its newline) to r->buf, dropping a CR
 * before the LF and level-3 comments ("$#" stays, "\#" becomes '#'); with
 * skip, only move past it. Copies runs between '#' characters at once. */
static void take_physical(struct line_reader *r, int first, int skip)
{
	const char *nl = memchr(r->p, '\n', (size_t)(r->end - r->p));
	const char *e = nl ? nl : r->end;
	const char *s = r->p, *q = s;

	if (e > s && e[-1] == '\r')
		e--;
	while (!skip && q < e) {
		const char *h = r->level >= 3 ? memchr(q, '#', (size_t)(e - q)) : NULL;
		if (h == NULL) {
			str_appendn(&r->buf, q, (size_t)(e - q));
			break;
		}
		if (h > s && (h[-1] == '\\' || h[-1] == '$')) {
			str_appendn(&r->buf, q, (size_t)(h - q) - (h[-1] == '\\'));
			str_appendc(&r->buf, '#');
			q = h + 1;
			continue;
		}
		str_appendn(&r->buf, q, (size_t)(h - q));
		cut_comment(r, s, h, first);
		break;
	}
	str_reserve(&r->buf, 1);
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
		take_physical(r, 1, comment);
		while (r->p < r->end && (*r->p == ' ' || *r->p == '\t')) {
			if (!comment)
				str_appendc(&r->buf, '\n');
			take_physical(r, 0, comment);
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
