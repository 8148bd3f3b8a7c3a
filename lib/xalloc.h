/*
 * xalloc.h - checked allocation and overflow-checked size arithmetic.
 *
 * Every allocation in mailcf goes through these functions. They never return
 * NULL: on exhaustion they print "mailcf: out of memory" and exit(71)
 * (EX_OSERR). Size computations on untrusted counts must use size_add() /
 * size_mul(), which exit the same way on overflow instead of wrapping.
 *
 * Fault injection (tests only): xalloc_fail_after(n) makes the n-th following
 * allocation behave as exhaustion, so tests can check the error path.
 */
#ifndef MAILCF_XALLOC_H
#define MAILCF_XALLOC_H

#include <stddef.h>

/* Allocate n bytes (n may be 0: a unique pointer is returned). */
void *xmalloc(size_t n);
/* Allocate count*size zeroed bytes, checking the multiplication. */
void *xcalloc(size_t count, size_t size);
/* Resize p to n bytes; p may be NULL. */
void *xrealloc(void *p, size_t n);
/* Resize an array p to count elements of size bytes, checked. */
void *xreallocarray(void *p, size_t count, size_t size);
/* Copy a NUL-terminated string. */
char *xstrdup(const char *s);
/* Copy at most n bytes of s and NUL-terminate. */
char *xstrndup(const char *s, size_t n);

/* a + b, exiting on overflow. */
size_t size_add(size_t a, size_t b);
/* a * b, exiting on overflow. */
size_t size_mul(size_t a, size_t b);

/* Tests: make the n-th allocation from now fail (0 = never). */
void xalloc_fail_after(unsigned long n);

#endif
