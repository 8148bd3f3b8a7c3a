/*
 * arena.h - region allocator for things that die together.
 *
 * cfgen uses one arena per run (the whole IR lives in it); the runtime uses
 * one per SMTP session and one per transaction. Memory from an arena is
 * never freed individually: arena_reset() drops everything allocated since
 * creation, arena_free() also releases the arena itself.
 * Allocations are aligned for any scalar type and never return NULL.
 */
#ifndef MAILCF_ARENA_H
#define MAILCF_ARENA_H

#include <stddef.h>

struct arena;

/* A new, empty arena. */
struct arena *arena_new(void);
/* n bytes of uninitialised memory, valid until reset/free. */
void *arena_alloc(struct arena *a, size_t n);
/* n zeroed bytes. */
void *arena_zalloc(struct arena *a, size_t n);
/* count*size zeroed bytes, checked. */
void *arena_calloc(struct arena *a, size_t count, size_t size);
/* Copy of a string / of n bytes of it (NUL-terminated). */
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
/* Copy n bytes. */
void *arena_memdup(struct arena *a, const void *p, size_t n);
/* Grow an array kept in the arena: returns a copy of old with room for
 * newcount elements (old contents copied, rest zeroed). */
void *arena_grow(struct arena *a, void *old, size_t oldcount, size_t newcount,
		 size_t size);
/* Drop everything allocated; the arena stays usable. */
void arena_reset(struct arena *a);
/* Drop everything and the arena; *ap becomes NULL. */
void arena_free(struct arena **ap);
/* Bytes handed out since the last reset (for limits and tests). */
size_t arena_used(const struct arena *a);

#endif
