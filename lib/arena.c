/*
 * arena.c - bump allocator in chained blocks (see arena.h).
 *
 * Blocks are 64 KiB, or larger for one big allocation. Nothing is freed
 * until arena_reset()/arena_free().
 */
#include "lib/arena.h"

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

#include "lib/xalloc.h"

#define ARENA_BLOCK 65536

struct block {
	struct block *next;
	size_t size, used;
	alignas(max_align_t) unsigned char data[];
};

struct arena {
	struct block *head;
	size_t total;
};

struct arena *arena_new(void) { return xcalloc(1, sizeof(struct arena)); }

/* Round n up to the strictest scalar alignment. */
static size_t align_up(size_t n)
{
	size_t al = alignof(max_align_t);

	return size_add(n, al - 1) & ~(al - 1);
}

void *arena_alloc(struct arena *a, size_t n)
{
	struct block *b = a->head;
	void *p;

	n = align_up(n ? n : 1);
	if (b == NULL || b->size - b->used < n) {
		size_t size = n > ARENA_BLOCK ? n : ARENA_BLOCK;

		b = xmalloc(size_add(sizeof(struct block), size));
		b->size = size;
		b->used = 0;
		b->next = a->head;
		a->head = b;
	}
	p = b->data + b->used;
	b->used += n;
	a->total += n;
	return p;
}

void *arena_zalloc(struct arena *a, size_t n)
{
	void *p = arena_alloc(a, n);

	memset(p, 0, n);
	return p;
}

void *arena_calloc(struct arena *a, size_t count, size_t size)
{
	return arena_zalloc(a, size_mul(count, size));
}

void *arena_memdup(struct arena *a, const void *p, size_t n)
{
	void *d = arena_alloc(a, n);

	if (n)
		memcpy(d, p, n);
	return d;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *d = arena_alloc(a, size_add(len, 1));

	memcpy(d, s, len);
	d[len] = '\0';
	return d;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

void *arena_grow(struct arena *a, void *old, size_t oldcount, size_t newcount,
		 size_t size)
{
	void *p = arena_calloc(a, newcount, size);

	if (old && oldcount)
		memcpy(p, old, size_mul(oldcount < newcount ? oldcount : newcount, size));
	return p;
}

void arena_reset(struct arena *a)
{
	struct block *b = a->head, *next;

	for (; b; b = next) {
		next = b->next;
		free(b);
	}
	a->head = NULL;
	a->total = 0;
}

void arena_free(struct arena **ap)
{
	if (*ap == NULL)
		return;
	arena_reset(*ap);
	free(*ap);
	*ap = NULL;
}

size_t arena_used(const struct arena *a) { return a->total; }
