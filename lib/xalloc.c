/*
 * xalloc.c - allocation that never returns NULL, and checked size math.
 *
 * Model: postfix util/mymalloc.c. An allocation failure is not recoverable
 * in any of our programs, so it ends the process with EX_OSERR and a fixed
 * message; callers never test for NULL.
 */
#include "lib/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EX_OSERR_CODE 71

static unsigned long fail_countdown;

void xalloc_fail_after(unsigned long n) { fail_countdown = n; }

/* Report exhaustion (real or injected) and exit. */
static void out_of_memory(void)
{
	fputs("mailcf: out of memory\n", stderr);
	exit(EX_OSERR_CODE);
}

/* True when the injected failure point has been reached. */
static int injected_failure(void)
{
	if (fail_countdown == 0)
		return 0;
	return --fail_countdown == 0;
}

void *xrealloc(void *p, size_t n)
{
	void *q;

	if (injected_failure())
		out_of_memory();
	q = realloc(p, n ? n : 1);
	if (q == NULL)
		out_of_memory();
	return q;
}

void *xmalloc(size_t n) { return xrealloc(NULL, n); }

void *xcalloc(size_t count, size_t size)
{
	size_t n = size_mul(count, size);
	void *p = xmalloc(n);

	memset(p, 0, n);
	return p;
}

void *xreallocarray(void *p, size_t count, size_t size)
{
	return xrealloc(p, size_mul(count, size));
}

char *xstrndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *d = xmalloc(size_add(len, 1));

	memcpy(d, s, len);
	d[len] = '\0';
	return d;
}

char *xstrdup(const char *s) { return xstrndup(s, strlen(s)); }

size_t size_add(size_t a, size_t b)
{
	size_t r;

	if (__builtin_add_overflow(a, b, &r))
		out_of_memory();
	return r;
}

size_t size_mul(size_t a, size_t b)
{
	size_t r;

	if (__builtin_mul_overflow(a, b, &r))
		out_of_memory();
	return r;
}
