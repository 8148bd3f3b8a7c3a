/*
 * str.h - the one growable string.
 *
 * A struct str is always NUL-terminated once initialised (s[len] == '\0'),
 * may contain NUL bytes inside (len counts them), and owns its buffer.
 * All growth goes through str_reserve(), which checks for overflow.
 * STR_INIT is a valid empty string that allocates on first append.
 */
#ifndef MAILCF_STR_H
#define MAILCF_STR_H

#include <stdarg.h>
#include <stddef.h>

struct str {
	char *s;
	size_t len, cap;
};

#define STR_INIT { NULL, 0, 0 }

/* Make room for at least extra more bytes plus the NUL. */
void str_reserve(struct str *b, size_t extra);
/* Append n bytes. */
void str_appendn(struct str *b, const char *p, size_t n);
/* Append a NUL-terminated string. */
void str_append(struct str *b, const char *p);
/* Append one byte. */
void str_appendc(struct str *b, char c);
/* Append formatted text. */
void str_printf(struct str *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void str_vprintf(struct str *b, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* Empty the string, keeping the buffer. */
void str_reset(struct str *b);
/* Shorten to len bytes (len <= b->len). */
void str_truncate(struct str *b, size_t len);
/* The contents as a C string; never NULL (an empty string if unallocated). */
const char *str_cstr(const struct str *b);
/* Give the buffer to the caller (free() it) and reset b to STR_INIT. */
char *str_steal(struct str *b);
/* Free the buffer and reset to STR_INIT. */
void str_free(struct str *b);
/* Append s with JSON string escaping (no surrounding quotes). */
void str_append_json(struct str *b, const char *s);

#endif
