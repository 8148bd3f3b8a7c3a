/*
 * str.c - growable NUL-terminated byte strings (see str.h).
 *
 * Model: postfix util/vstring.c. Capacity doubles; every size computation
 * is overflow-checked through size_add/size_mul.
 */
#include "lib/str.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/xalloc.h"

void str_reserve(struct str *b, size_t extra)
{
	size_t need = size_add(size_add(b->len, extra), 1);
	size_t cap;

	if (need <= b->cap)
		return;
	cap = b->cap ? b->cap : 32;
	while (cap < need)
		cap = size_mul(cap, 2);
	b->s = xrealloc(b->s, cap);
	b->cap = cap;
}

void str_appendn(struct str *b, const char *p, size_t n)
{
	str_reserve(b, n);
	if (n)
		memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void str_append(struct str *b, const char *p) { str_appendn(b, p, strlen(p)); }

void str_appendc(struct str *b, char c) { str_appendn(b, &c, 1); }

void str_vprintf(struct str *b, const char *fmt, va_list ap)
{
	va_list ap2;
	int n;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return;
	str_reserve(b, (size_t)n);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void str_printf(struct str *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	str_vprintf(b, fmt, ap);
	va_end(ap);
}

void str_reset(struct str *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

void str_truncate(struct str *b, size_t len)
{
	if (len < b->len) {
		b->len = len;
		b->s[len] = '\0';
	}
}

const char *str_cstr(const struct str *b) { return b->s ? b->s : ""; }

char *str_steal(struct str *b)
{
	char *s;

	str_reserve(b, 0);
	b->s[b->len] = '\0';	/* a never-appended string has no NUL yet */
	s = b->s;
	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

void str_free(struct str *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

/* Length of the valid UTF-8 sequence at s, or 0 if it is not one. */
static size_t utf8_seq_len(const unsigned char *s)
{
	size_t n, i;

	if (s[0] < 0xc2 || s[0] > 0xf4)
		return 0;
	n = s[0] >= 0xf0 ? 4 : s[0] >= 0xe0 ? 3 : 2;
	for (i = 1; i < n; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	return n;
}

/* Append one ASCII byte with JSON escaping. */
static void json_escape_ascii(struct str *b, unsigned char c)
{
	switch (c) {
	case '"': str_append(b, "\\\""); break;
	case '\\': str_append(b, "\\\\"); break;
	case '\n': str_append(b, "\\n"); break;
	case '\t': str_append(b, "\\t"); break;
	case '\r': str_append(b, "\\r"); break;
	default:
		if (c < 0x20 || c == 0x7f)
			str_printf(b, "\\u%04x", c);
		else
			str_appendc(b, (char)c);
	}
}

void str_append_json(struct str *b, const char *s)
{
	while (*s) {
		const unsigned char *u = (const unsigned char *)s;
		size_t n;

		if (*u < 0x80) {
			json_escape_ascii(b, *u);
			s++;
		} else if ((n = utf8_seq_len(u)) != 0) {
			str_appendn(b, s, n);
			s += n;
		} else {
			/* Invalid UTF-8 is shown as the Latin-1 code point. */
			str_printf(b, "\\u%04x", *u);
			s++;
		}
	}
}
