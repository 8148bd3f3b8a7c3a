/*
 * crack.c - crackaddr(): separate an address from its comments/phrase.
 *
 * Entry points: crack_addr(), crack_expand(). One pass over the address
 * with sendmail's state: comment level, quote mode, angle level, whether
 * "$g" was emitted, whether what is copied must be quoted. Untrusted
 * input; the result is cut at LIMIT_MAP_RESULT bytes.
 */
#include "runtime/crack.h"

#include <string.h>

#include "lib/limits.h"

/* Characters that force quoting of a phrase (sendmail MustQuoteChars). */
static const char must_quote[] = "@,;:\\()[].'";

struct crack {
	struct str *out;
	size_t head;		/* start of the part being built */
	const char *addr, *addrhead;
	int copylev, cmtlev, anglelev, qmode, realqmode, realcmtlev;
	int putg, quoteit, gotangle, gotcolon, addangle, brackets;
};

/* Append a byte within the bound. */
static void put(struct crack *c, char ch)
{
	if (c->out->len < LIMIT_MAP_RESULT)
		str_appendc(c->out, ch);
}

/* Restart the output at the head and copy addrhead..p, quoting the
 * phrase when needed, then the text up to and including stop. */
static const char *restart(struct crack *c, const char *p, char stop)
{
	const char *q;

	str_truncate(c->out, c->head);
	if (c->quoteit) {
		put(c, '"');
		p--;	/* back over the stop byte and blanks before it */
		while (p > c->addr && (p[-1] == ' ' || p[-1] == '\t'))
			p--;
	}
	for (q = c->addrhead; q < p; q++) {
		if (c->quoteit && *q == '"')
			put(c, '\\');
		put(c, *q);
	}
	if (c->quoteit) {
		if (c->out->len == c->head + 1)
			str_truncate(c->out, c->head);
		else
			put(c, '"');
		while (*p && *p != stop)
			put(c, *p++);
		if (*p)
			put(c, *p++);
	}
	return p;
}

/* A "phrase:" group opener at p (just after the colon). */
static const char *group(struct crack *c, const char *p)
{
	c->gotcolon = 1;
	p = restart(c, p, ':');
	while (*p == ' ' || *p == '\t')
		put(c, *p++);
	c->copylev = 0;
	c->putg = 0;
	c->head = c->out->len;
	c->addrhead = p;
	return p;
}

/* An angle bracket opener at p (just after the '<'). */
static const char *angle(struct crack *c, const char *p)
{
	if (c->gotangle)
		c->quoteit = 1;	/* the first of two angles is bogus */
	c->gotangle = 1;
	c->anglelev = 1;
	c->addangle = 1;
	p = restart(c, p, '<');
	c->copylev = 0;
	c->putg = c->quoteit = 0;
	return p;
}

/* Emit "$g" once, where the address starts. */
static void put_g(struct crack *c)
{
	if (c->copylev > 0 || c->putg)
		return;
	if (c->out->len > 0 && c->out->s[c->out->len - 1] == ')')
		put(c, ' ');
	put(c, '$');
	put(c, 'g');
	c->putg = 1;
}

/* Handle comment bytes; 1 if ch was consumed. */
static int comment(struct crack *c, char ch)
{
	if (ch == '(') {
		c->cmtlev++;
		c->realcmtlev++;
		if (c->copylev++ <= 0) {
			if (c->out->len != c->head)
				put(c, ' ');
			put(c, ch);
		}
	}
	if (c->cmtlev > 0) {
		if (ch == ')') {
			c->cmtlev--;
			c->copylev--;
			c->realcmtlev--;
		}
		return 1;
	}
	return 0;
}

/* Handle '>' ; always consumes. */
static void close_angle(struct crack *c, char ch)
{
	if (c->anglelev > 0) {
		c->anglelev--;
		c->addangle = 0;
	} else {
		/* unmatched '>': taken back out */
		if (c->copylev > 0 && c->out->len > c->head)
			str_truncate(c->out, c->out->len - 1);
		c->quoteit = 1;
		return;
	}
	if (c->copylev++ <= 0)
		put(c, ch);
}

/* crackaddr(); the byte loop follows sendmail's state machine, whose order
 * of tests decides the output, so it stays in one (long) function. */
void crack_addr(const char *addr, struct str *out)
{
	struct crack c = { .out = out, .head = out->len };
	const char *p;

	while (*addr == ' ' || *addr == '\t')
		addr++;
	if (strncmp(addr, "\"\"", 2) == 0 && addr[2 + strspn(addr + 2, " \t")] == '\0')
		return;	/* an empty quoted string cracks to nothing (observed) */
	c.addr = c.addrhead = p = addr;
	while (*p) {
		char ch = *p++;

		if (c.copylev > 0)
			put(&c, ch);
		if (ch == '\\') {
			if (c.cmtlev <= 0 && !c.qmode)
				c.quoteit = 1;
			if (*p == '\0')
				break;
			ch = *p++;
			if (c.copylev > 0)
				put(&c, ch);
			put_g(&c);
			continue;
		}
		if (ch == '"' && c.cmtlev <= 0) {
			c.qmode = !c.qmode;
			if (c.copylev > 0) {
				c.realqmode = !c.realqmode;
				continue;
			}
		}
		if (c.qmode) {
			put_g(&c);
			continue;
		}
		if (comment(&c, ch))
			continue;
		if (ch == ')') {	/* unmatched: dropped */
			if (c.copylev > 0 && c.out->len > c.head)
				str_truncate(c.out, c.out->len - 1);
			continue;
		}
		if (ch == '[' || ch == ']')
			c.brackets = ch == '[';
		if (ch == ':' && c.anglelev <= 0 && !c.gotcolon && !c.brackets &&
		    *p != ':' && *p != '.') {
			p = group(&c, p);
			continue;
		}
		if (strchr(must_quote, ch) && c.cmtlev <= 0)
			c.quoteit = 1;
		if (ch == ';' && c.copylev <= 0)
			put(&c, ch);
		if (ch == '<') {
			p = angle(&c, p);
			continue;
		}
		if (ch == '>') {
			close_angle(&c, ch);
			continue;
		}
		put_g(&c);
	}
	if (c.realqmode)
		put(&c, '"');
	while (c.realcmtlev-- > 0)
		put(&c, ')');
	if (c.addangle)
		put(&c, '>');
}

/* Expand "$g" in fancy. */
void crack_expand(const char *fancy, const char *g, struct str *out)
{
	for (; *fancy; fancy++) {
		if (fancy[0] == '$' && fancy[1] == 'g') {
			str_append(out, g);
			fancy++;
		} else {
			str_appendc(out, *fancy);
		}
	}
}
