/*
 * crack.c - crackaddr(): separate an address from its comments/phrase.
 *
 * Entry points: crack_addr(), crack_expand(). One pass over the address
 * with sendmail's state: comment, angle and bracket levels, quote mode,
 * whether "$g" was emitted, whether the phrase being copied must be quoted.
 * Untrusted input. The result is built in a buffer of LIMIT_CRACK_BUF
 * bytes whose end ("lim") moves down to keep room for the closing ')' and
 * '>' it will add and up when they are seen; writing past it gives up and
 * the result is "<$g>", as sendmail 8.17 does. Every rule below was
 * observed on sendmail's -bt /parse and /try (tests/runtime/crack.test),
 * except the keeping of leading blanks, which -bt strips before.
 * crack_byte() dispatches each byte to one small function per case; the
 * state they share is struct crack.
 */
#include "runtime/crack.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>

#include "lib/limits.h"

/* Characters that force quoting of a phrase (sendmail MustQuoteChars). */
static const char must_quote[] = "@,;:\\()[].'";

struct crack {
	char buf[LIMIT_CRACK_BUF];
	size_t len;		/* bytes in buf */
	size_t head;		/* start of the part being built (after "g:") */
	size_t lim;		/* appends stop here; above END = given up */
	bool overflow;		/* an append did not fit: result is "<$g>" */
	const char *addr;	/* the address, leading blanks skipped */
	const char *addrhead;	/* where the current phrase starts */
	const char *p;		/* next input byte */
	int cmtlev, realcmtlev, anglelev, copylev, bracklev;
	bool qmode, realqmode, addangle, putg, quoteit, gotangle, gotcolon;
};

/* The last usable byte of buf (the NUL goes after it). */
#define CRACK_END (LIMIT_CRACK_BUF - 1)

/* The limit is not past the end: the reservations for ')', '>' and '"'
 * are made and released only then (observed: a ')' reaching the limit
 * exactly still releases its byte). */
static bool crack_room(const struct crack *c)
{
	return c->lim <= CRACK_END;
}

/* Append a byte below the limit; else give up on the whole result. */
static void crack_put(struct crack *c, char ch)
{
	if (c->len < c->lim && crack_room(c))
		c->buf[c->len++] = ch;
	else
		c->overflow = true;
}

/* A blank as sendmail's SM_ISSPACE sees it (ASCII only). */
static bool crack_blank(char ch)
{
	return isascii((unsigned char)ch) && isspace((unsigned char)ch);
}

/* Emit "$g" once, where the address proper starts; a blank first when
 * it follows a comment. */
static void crack_putg(struct crack *c)
{
	if (c->copylev > 0 || c->putg)
		return;
	if (c->len > 0 && c->buf[c->len - 1] == ')')
		crack_put(c, ' ');
	crack_put(c, '$');
	crack_put(c, 'g');
	c->putg = true;
}

/* Rebuild the output from head: the phrase before the stop byte just
 * read (':' or '<'), in quotes when quoteit (inner '"' become '\"', blanks
 * before stop stay outside), then the stop byte. empty_at is the length
 * at which an opening quote means the phrase was empty: the quote goes. */
static void crack_phrase(struct crack *c, char stop, size_t empty_at)
{
	const char *q, *p = c->p;

	c->len = c->head;
	if (c->quoteit) {
		crack_put(c, '"');
		p--;
		while (p > c->addr && crack_blank(*--p))
			continue;
		p++;
	}
	for (q = c->addrhead; q < p; q++) {
		if (c->quoteit && *q == '"')
			crack_put(c, '\\');
		crack_put(c, *q);
	}
	if (!c->quoteit)
		return;
	if (c->len == empty_at)
		c->len--;
	else
		crack_put(c, '"');
	while (*p && *p != stop)
		crack_put(c, *p++);
	if (*p)
		crack_put(c, *p++);
	c->p = p;
}

/* '\\': the next byte is literal; an address byte; quoting needed
 * outside comments and quotes. A trailing backslash stays alone. */
static void crack_backslash(struct crack *c)
{
	if (c->cmtlev <= 0 && !c->qmode)
		c->quoteit = true;
	if (*c->p != '\0') {
		char ch = *c->p++;

		if (c->copylev > 0)
			crack_put(c, ch);
	}
	crack_putg(c);
}

/* '"' outside comments. When it is copied (after the address), the room
 * kept for the closing quote moves the wrong way: the limit goes UP past
 * the end, so any later byte gives up ("a <x@y> b\"c" cracks to "<$g>"
 * but "a <x@y> b\"" to "a <$g> b\"\""), as sendmail does. */
static void crack_quote(struct crack *c)
{
	c->qmode = !c->qmode;
	if (c->copylev > 0 && crack_room(c)) {
		if (c->realqmode)
			c->lim--;
		else
			c->lim++;
		c->realqmode = !c->realqmode;
	}
}

/* '(' and the bytes of a comment, copied with room kept for the closing
 * ')'; true when ch was consumed. */
static bool crack_comment(struct crack *c, char ch)
{
	if (ch == '(') {
		c->cmtlev++;
		if (crack_room(c)) {
			c->lim--;
			c->realcmtlev++;
			if (c->copylev++ <= 0) {
				if (c->len != c->head)
					crack_put(c, ' ');
				crack_put(c, ch);
			}
		}
	}
	if (c->cmtlev <= 0)
		return false;
	if (ch == ')') {
		c->cmtlev--;
		c->copylev--;
		if (crack_room(c)) {
			c->realcmtlev--;
			c->lim++;
		}
	}
	return true;
}

/* An unmatched ')': taken back out of copied text, then an ordinary
 * address byte (that must be quoted in a phrase). */
static void crack_unmatched_paren(struct crack *c)
{
	if (c->copylev > 0 && crack_room(c) && c->len > c->head)
		c->len--;
}

/* ':' outside angles and brackets, first one: "host::user" and ":."
 * (DECnet) are address bytes; otherwise "phrase:" opens a group, and what
 * follows is cracked afresh after it (blanks after the colon kept). */
static void crack_colon(struct crack *c)
{
	if (*c->p == ':' || *c->p == '.') {
		if (c->cmtlev <= 0 && !c->qmode)
			c->quoteit = true;
		if (c->copylev > 0) {
			crack_put(c, ':');
			crack_put(c, *c->p);
		}
		c->p++;
		crack_putg(c);
		return;
	}
	c->gotcolon = true;
	crack_phrase(c, ':', c->head + 1);
	while (crack_blank(*c->p))
		crack_put(c, *c->p++);
	c->copylev = 0;
	c->putg = c->quoteit = false;
	c->head = c->len;
	c->addrhead = c->p;
}

/* '<': what came before is the phrase (quoted when needed; a second '<'
 * makes the first angle part of it); room is kept for the closing '>'.
 * An empty quoted phrase loses its quotes only at the very start of the
 * result (len 1), not after a group. */
static void crack_angle(struct crack *c)
{
	if (c->gotangle)
		c->quoteit = true;
	c->gotangle = true;
	c->anglelev = 1;
	if (crack_room(c)) {
		if (!c->addangle)
			c->lim--;
		c->addangle = true;
	}
	crack_phrase(c, '<', 1);
	c->copylev = 0;
	c->putg = c->quoteit = false;
}

/* '>': closes the angle, and what follows is copied; an unmatched one is
 * taken back out and makes the phrase need quoting. */
static void crack_close_angle(struct crack *c)
{
	if (c->anglelev > 0) {
		c->anglelev--;
		if (crack_room(c)) {
			if (c->addangle)
				c->lim++;
			c->addangle = false;
		}
	} else if (crack_room(c)) {
		if (c->copylev > 0 && c->len > c->head)
			c->len--;
		c->quoteit = true;
		return;
	}
	if (c->copylev++ <= 0)
		crack_put(c, '>');
}

/* One input byte. The order of the tests is sendmail's and decides the
 * output: the byte is first copied when copying, then escapes, quotes,
 * comments, brackets, groups, ';', quoting needs and angles are tried in
 * turn; anything else is an address byte. */
static void crack_byte(struct crack *c, char ch)
{
	if (c->copylev > 0)
		crack_put(c, ch);
	if (ch == '\\') {
		crack_backslash(c);
		return;
	}
	if (ch == '"' && c->cmtlev <= 0) {
		crack_quote(c);
		return;
	}
	if (c->qmode) {
		crack_putg(c);
		return;
	}
	if (crack_comment(c, ch))
		return;
	if (ch == ')')
		crack_unmatched_paren(c);
	if (ch == '[')
		c->bracklev++;
	else if (ch == ']')
		c->bracklev--;
	if (ch == ':' && c->anglelev <= 0 && c->bracklev <= 0 && !c->gotcolon) {
		crack_colon(c);
		return;
	}
	if (ch == ';' && c->copylev <= 0)
		crack_put(c, ch);
	if (strchr(must_quote, ch))
		c->quoteit = true;
	if (ch == '<')
		crack_angle(c);
	else if (ch == '>')
		crack_close_angle(c);
	else
		crack_putg(c);
}

/* Append a closing byte in the room kept for it, up to the end of the
 * buffer; past it, give up ("(((...", 128 of them, cracks to "<$g>"). */
static void crack_close(struct crack *c, char ch)
{
	if (c->len < CRACK_END)
		c->buf[c->len++] = ch;
	else
		c->overflow = true;
}

/* Close what the input left open: quote, comments, angle. */
static void crack_repair(struct crack *c)
{
	if (c->realqmode)
		crack_close(c, '"');
	for (; c->realcmtlev > 0; c->realcmtlev--)
		crack_close(c, ')');
	if (c->addangle)
		crack_close(c, '>');
}

/* crackaddr(): the bytes, then the repairs; "<$g>" when out of room. */
void crack_addr(const char *addr, struct str *out)
{
	struct crack c = { .lim = CRACK_END };

	/* leading blanks are kept, outside any phrase (-bt never has any) */
	while (crack_blank(*addr) && !c.overflow)
		crack_put(&c, *addr++);
	c.head = c.len;
	c.addr = c.addrhead = c.p = addr;
	while (!c.overflow && *c.p)
		crack_byte(&c, *c.p++);
	if (!c.overflow)
		crack_repair(&c);
	if (c.overflow)
		str_append(out, "<$g>");
	else
		str_appendn(out, c.buf, c.len);
}

/* expand() of the template into remotename()'s buffers. */
void crack_expand(const char *fancy, const char *g, struct str *out)
{
	size_t start = out->len, glen = strlen(g);

	if (glen > LIMIT_CRACK_G)
		glen = LIMIT_CRACK_G;
	for (; *fancy; fancy++) {
		if (fancy[0] == '$' && fancy[1] == 'g') {
			str_appendn(out, g, glen);
			fancy++;
		} else {
			str_appendc(out, *fancy);
		}
	}
	if (out->len - start > LIMIT_CRACK_EXPAND)
		str_truncate(out, start + LIMIT_CRACK_EXPAND);
}
