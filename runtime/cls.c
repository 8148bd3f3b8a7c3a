/*
 * cls.c - class sets keyed by word, in sendmail's symbol-table order.
 *
 * Entry points: cls_new/cls_id/cls_add/cls_has/cls_each. Words are kept
 * in an open-addressing hash table keyed by the lower-cased word; each
 * entry carries a bitmap of the classes it belongs to, the bucket
 * sendmail's stab() would give it (type ST_CLASS, table LIMIT_STAB_SIZE)
 * and its first-insertion number, which together give "$=X" listings the
 * order sendmail prints. Trusts its callers; words of any length.
 */
#include "runtime/cls.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/limits.h"
#include "lib/xalloc.h"

struct cls_word {
	char *word;		/* as first added */
	char *lower;		/* lookup key */
	size_t len;
	unsigned bucket;	/* sendmail stab bucket */
	unsigned long seq;	/* insertion order */
	uint64_t bits[LIMIT_CLASSES / 64];
};

struct cls {
	struct cls_word **slots;	/* open addressing, power of two */
	size_t nslots, nwords, longest;
	char *names[LIMIT_CLASSES];
	int nnames;
};

/* Lower-case an ASCII byte. */
static unsigned char lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* FNV-1a over the lower-cased bytes. */
static uint64_t word_hash(const char *w, size_t len)
{
	uint64_t h = 1469598103934665603ULL;

	for (size_t i = 0; i < len; i++)
		h = (h ^ lower((unsigned char)w[i])) * 1099511628211ULL;
	return h;
}

/* The bucket sendmail's stab() uses for a class word (type 1). */
static unsigned stab_bucket(const char *w)
{
	unsigned h = 1;

	for (; *w; w++)
		h = ((h << 1) ^ lower((unsigned char)*w)) % LIMIT_STAB_SIZE;
	return h;
}

/* A new, empty table. */
struct cls *cls_new(void)
{
	struct cls *c = xcalloc(1, sizeof *c);

	c->nslots = 256;
	c->slots = xcalloc(c->nslots, sizeof *c->slots);
	return c;
}

/* Free every word and name. */
void cls_free(struct cls **cp)
{
	struct cls *c = *cp;

	if (!c)
		return;
	for (size_t i = 0; i < c->nslots; i++) {
		if (c->slots[i]) {
			free(c->slots[i]->word);
			free(c->slots[i]->lower);
			free(c->slots[i]);
		}
	}
	for (int i = 0; i < c->nnames; i++)
		free(c->names[i]);
	free(c->slots);
	free(c);
	*cp = NULL;
}

/* Class id by exact name, creating it on request. */
int cls_id(struct cls *c, const char *name, int create)
{
	for (int i = 0; i < c->nnames; i++)
		if (strcmp(c->names[i], name) == 0)
			return i;
	if (!create || c->nnames >= LIMIT_CLASSES)
		return -1;
	c->names[c->nnames] = xstrdup(name);
	return c->nnames++;
}

/* The slot holding word, or the empty slot where it would go. */
static struct cls_word **find_slot(const struct cls *c, const char *w,
				   size_t len)
{
	size_t mask = c->nslots - 1, i = word_hash(w, len) & mask;

	for (;; i = (i + 1) & mask) {
		struct cls_word *e = c->slots[i];

		if (!e)
			return &c->slots[i];
		if (e->len == len) {
			size_t k = 0;

			while (k < len && e->lower[k] == lower((unsigned char)w[k]))
				k++;
			if (k == len)
				return &c->slots[i];
		}
	}
}

/* Double the table when it is half full. */
static void grow(struct cls *c)
{
	struct cls_word **old = c->slots;
	size_t n = c->nslots;

	c->nslots = size_mul(n, 2);
	c->slots = xcalloc(c->nslots, sizeof *c->slots);
	for (size_t i = 0; i < n; i++)
		if (old[i])
			*find_slot(c, old[i]->word, old[i]->len) = old[i];
	free(old);
}

/* Add word to class id. */
void cls_add(struct cls *c, int id, const char *word)
{
	size_t len = strlen(word);
	struct cls_word **slot;

	if (id < 0 || id >= LIMIT_CLASSES)
		return;
	if (2 * (c->nwords + 1) > c->nslots)
		grow(c);
	slot = find_slot(c, word, len);
	if (!*slot) {
		struct cls_word *e = xcalloc(1, sizeof *e);

		e->word = xstrdup(word);
		e->lower = xstrdup(word);
		for (size_t i = 0; i < len; i++)
			e->lower[i] = (char)lower((unsigned char)word[i]);
		e->len = len;
		e->bucket = stab_bucket(word);
		e->seq = c->nwords++;
		if (len > c->longest)
			c->longest = len;
		*slot = e;
	}
	(*slot)->bits[id / 64] |= 1ULL << (id % 64);
}

/* Length of the longest word. */
size_t cls_longest(const struct cls *c)
{
	return c->longest;
}

/* Membership test on len bytes. */
int cls_has(const struct cls *c, int id, const char *word, size_t len)
{
	struct cls_word *e;

	if (id < 0 || id >= LIMIT_CLASSES)
		return 0;
	e = *find_slot(c, word, len);
	return e && (e->bits[id / 64] >> (id % 64) & 1);
}

/* Order entries by stab bucket, then insertion. */
static int cmp_order(const void *a, const void *b)
{
	const struct cls_word *x = *(struct cls_word *const *)a;
	const struct cls_word *y = *(struct cls_word *const *)b;

	if (x->bucket != y->bucket)
		return x->bucket < y->bucket ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* List class id in sendmail's order. */
void cls_each(const struct cls *c, int id,
	      void (*fn)(void *ctx, const char *word), void *ctx)
{
	struct cls_word **v;
	size_t n = 0;

	if (id < 0 || id >= LIMIT_CLASSES)
		return;
	v = xcalloc(c->nwords ? c->nwords : 1, sizeof *v);
	for (size_t i = 0; i < c->nslots; i++)
		if (c->slots[i] && (c->slots[i]->bits[id / 64] >> (id % 64) & 1))
			v[n++] = c->slots[i];
	qsort(v, n, sizeof *v, cmp_order);
	for (size_t i = 0; i < n; i++)
		fn(ctx, v[i]->word);
	free(v);
}
