/*
 * cls.h - class sets ($=X, $~X, C and F lines, -bt ".C" and "$=").
 *
 * One table holds every word of every class, the way sendmail's symbol
 * table does: a word is looked up case-insensitively, and "$=X" lists a
 * class in sendmail's own order (its symbol-table hash buckets, then
 * first insertion), so -bt output matches byte for byte.
 * Class names are "w" or "VirtHost" (no braces); at most LIMIT_CLASSES.
 * The table owns copies of everything added; cls_free() releases it.
 */
#ifndef MAILCF_CLS_H
#define MAILCF_CLS_H

#include <stddef.h>

struct cls;

/* A new, empty table. */
struct cls *cls_new(void);
/* Free the table; *cp becomes NULL. */
void cls_free(struct cls **cp);
/* The id of class name (created when create is set); -1 if absent or
 * when the table already holds LIMIT_CLASSES classes. */
int cls_id(struct cls *c, const char *name, int create);
/* Add word to class id (duplicates ignored). */
void cls_add(struct cls *c, int id, const char *word);
/* 1 if the len bytes at word are a member of class id. */
int cls_has(const struct cls *c, int id, const char *word, size_t len);
/* Length of the longest word in the table (bounds multi-token matches). */
size_t cls_longest(const struct cls *c);
/* Call fn for each member of class id, in sendmail's listing order. */
void cls_each(const struct cls *c, int id,
	      void (*fn)(void *ctx, const char *word), void *ctx);

#endif
