/*
 * htab.h - a small open-addressing hash table from (tag, string) to int.
 *
 * The parser uses one table for every name it must find in constant time:
 * macros, classes, class members (tag = class index), ruleset names and
 * option names. Keys are not copied: they must outlive the table (cfgen
 * keeps them in the configuration's arena). Grows by doubling; lookups are
 * exact (case-sensitive) unless the key was folded by the caller.
 */
#ifndef MAILCF_HTAB_H
#define MAILCF_HTAB_H

#include <stddef.h>

struct htab;

/* A new, empty table. */
struct htab *htab_new(void);
/* The value stored for (tag, key), or -1 if absent. */
int htab_get(const struct htab *h, unsigned tag, const char *key);
/* Store value for (tag, key), replacing an earlier one. value >= 0. */
void htab_put(struct htab *h, unsigned tag, const char *key, int value);
/* Number of entries. */
size_t htab_count(const struct htab *h);
/* Free the table; *hp becomes NULL. */
void htab_free(struct htab **hp);

#endif
