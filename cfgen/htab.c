/*
 * htab.c - open-addressing (linear probing) hash table, see htab.h.
 *
 * FNV-1a over the tag and the key bytes; the load factor is kept under 1/2
 * so probes stay short. Sizes go through the checked xalloc helpers.
 */
#include "cfgen/htab.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/xalloc.h"

struct slot {
	const char *key;	/* NULL = empty */
	unsigned tag;
	int value;
};

struct htab {
	struct slot *slots;
	size_t cap, count;	/* cap is a power of two */
};

/* FNV-1a hash of (tag, key). */
static uint64_t hash(unsigned tag, const char *key)
{
	uint64_t h = 1469598103934665603ULL;

	h = (h ^ tag) * 1099511628211ULL;
	for (; *key; key++)
		h = (h ^ (unsigned char)*key) * 1099511628211ULL;
	return h;
}

struct htab *htab_new(void)
{
	struct htab *h = xcalloc(1, sizeof *h);

	h->cap = 64;
	h->slots = xcalloc(h->cap, sizeof *h->slots);
	return h;
}

/* The slot holding (tag, key), or the empty slot where it would go. */
static struct slot *find(const struct htab *h, unsigned tag, const char *key)
{
	size_t i = (size_t)hash(tag, key) & (h->cap - 1);

	for (;;) {
		struct slot *s = &h->slots[i];
		if (s->key == NULL || (s->tag == tag && strcmp(s->key, key) == 0))
			return s;
		i = (i + 1) & (h->cap - 1);
	}
}

int htab_get(const struct htab *h, unsigned tag, const char *key)
{
	const struct slot *s = find(h, tag, key);

	return s->key ? s->value : -1;
}

/* Double the table and re-insert every entry. */
static void grow(struct htab *h)
{
	struct slot *old = h->slots;
	size_t oldcap = h->cap;

	h->cap = size_mul(h->cap, 2);
	h->slots = xcalloc(h->cap, sizeof *h->slots);
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].key)
			*find(h, old[i].tag, old[i].key) = old[i];
	free(old);
}

void htab_put(struct htab *h, unsigned tag, const char *key, int value)
{
	struct slot *s;

	if (size_mul(h->count + 1, 2) > h->cap)
		grow(h);
	s = find(h, tag, key);
	if (s->key == NULL) {
		s->key = key;
		s->tag = tag;
		h->count++;
	}
	s->value = value;
}

size_t htab_count(const struct htab *h) { return h->count; }

void htab_free(struct htab **hp)
{
	if (*hp == NULL)
		return;
	free((*hp)->slots);
	free(*hp);
	*hp = NULL;
}
