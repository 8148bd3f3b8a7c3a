/*
 * macro.c - macro table and expansion ($x, ${name}, $?x A $| B $.).
 *
 * Entry points: macro_set/macro_get/macro_expand/macro_name. Values are
 * kept as written; expansion follows op.txt 5.1.2: a reference is
 * replaced by the expanded value, an undefined one by nothing, "$$" by
 * "$"; "$&x" (deferred) expands like "$x" once we are at use time; a
 * macro whose value is "$" and its own name ("#" = "$#", as sendmail
 * defines the rule metacharacters) expands to that text. Nesting is
 * bounded by LIMIT_MACRO_RECURSION. The table is a small open hash keyed
 * by name.
 */
#include "runtime/macro.h"

#include <stdlib.h>
#include <string.h>

#include "lib/limits.h"
#include "lib/xalloc.h"

struct macro_ent {
	char *name;
	char *value;
};

struct macro {
	struct macro_ent *slots;
	size_t nslots, n;
};

/* A new, empty table. */
struct macro *macro_new(void)
{
	struct macro *m = xcalloc(1, sizeof *m);

	m->nslots = 128;
	m->slots = xcalloc(m->nslots, sizeof *m->slots);
	return m;
}

/* Free names, values and the table. */
void macro_free(struct macro **mp)
{
	struct macro *m = *mp;

	if (!m)
		return;
	for (size_t i = 0; i < m->nslots; i++) {
		free(m->slots[i].name);
		free(m->slots[i].value);
	}
	free(m->slots);
	free(m);
	*mp = NULL;
}

/* djb2 over the name. */
static size_t name_hash(const char *s)
{
	size_t h = 5381;

	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

/* The slot of name, or the empty one where it would go. */
static struct macro_ent *slot(const struct macro *m, const char *name)
{
	size_t mask = m->nslots - 1, i = name_hash(name) & mask;

	while (m->slots[i].name && strcmp(m->slots[i].name, name) != 0)
		i = (i + 1) & mask;
	return &m->slots[i];
}

/* Double the table. */
static void grow(struct macro *m)
{
	struct macro_ent *old = m->slots;
	size_t n = m->nslots;

	m->nslots = size_mul(n, 2);
	m->slots = xcalloc(m->nslots, sizeof *m->slots);
	for (size_t i = 0; i < n; i++)
		if (old[i].name)
			*slot(m, old[i].name) = old[i];
	free(old);
}

/* Define or undefine a macro. */
void macro_set(struct macro *m, const char *name, const char *value)
{
	struct macro_ent *e;

	if (2 * (m->n + 1) > m->nslots)
		grow(m);
	e = slot(m, name);
	if (!e->name) {
		e->name = xstrdup(name);
		m->n++;
	}
	free(e->value);
	e->value = value ? xstrdup(value) : NULL;
}

/* The stored value or NULL. */
const char *macro_get(const struct macro *m, const char *name)
{
	return slot(m, name)->value;
}

/* Parse "x" or "{name}" at *p. */
int macro_name(const char **p, char *name, size_t size)
{
	const char *s = *p;
	size_t n = 0;

	if (*s == '\0')
		return -1;
	if (*s != '{') {
		name[0] = *s;
		name[1] = '\0';
		*p = s + 1;
		return 0;
	}
	for (s++; *s && *s != '}'; s++) {
		if (n + 1 >= size)
			return -1;
		name[n++] = *s;
	}
	if (*s != '}' || n == 0)
		return -1;
	name[n] = '\0';
	*p = s + 1;
	return 0;
}

static int expand(const struct macro *m, const char *s, struct str *out,
		  int depth);

/* 1 if v is "$x" for the one-character name x: the value sendmail gives
 * the macros named by rule metacharacters ("$#" for "#"). */
static int is_meta_value(const char *name, const char *v)
{
	return name[0] && !name[1] && v[0] == '$' && v[1] == name[0] && !v[2];
}

/* The "$|" or "$." ending the branch at s, nested "$?" skipped: points
 * at its '$' (or the NUL); *kind is '|', '.' or 0. */
static const char *branch_end(const char *s, int *kind)
{
	int nest = 0;

	for (; *s; s++) {
		if (s[0] != '$' || s[1] == '\0')
			continue;
		if (s[1] == '?')
			nest++;
		else if (s[1] == '.' && nest-- == 0)
			break;
		else if (s[1] == '|' && nest == 0)
			break;
		s++;
	}
	*kind = *s ? s[1] : 0;
	return s;
}

/* Expand the n bytes at s. */
static int expand_part(const struct macro *m, const char *s, size_t n,
		       struct str *out, int depth)
{
	char *part = xstrndup(s, n);
	int r = expand(m, part, out, depth);

	free(part);
	return r;
}

/* Expand one "$?x A $| B $." starting after "$?"; returns the rest. */
static const char *expand_cond(const struct macro *m, const char *s,
			       struct str *out, int depth, int *err)
{
	char name[LIMIT_MACRO_NAME + 2];
	const char *v, *end;
	int kind, set;

	if (macro_name(&s, name, sizeof name) < 0)
		return s;
	v = macro_get(m, name);
	set = v && *v;
	end = branch_end(s, &kind);
	if (set)
		*err |= expand_part(m, s, (size_t)(end - s), out, depth);
	while (kind == '|') {
		s = end + 2;
		end = branch_end(s, &kind);
		if (!set)
			*err |= expand_part(m, s, (size_t)(end - s), out, depth);
		set = 1;
	}
	return kind ? end + 2 : end;
}

/* Expand s into out at nesting depth. */
static int expand(const struct macro *m, const char *s, struct str *out,
		  int depth)
{
	char name[LIMIT_MACRO_NAME + 2];
	int err = 0;

	if (depth > LIMIT_MACRO_RECURSION)
		return -1;
	while (*s) {
		const char *v;

		if (s[0] != '$' || s[1] == '\0') {
			str_appendc(out, *s++);
			continue;
		}
		s++;
		if (*s == '$') {
			str_appendc(out, *s++);
			continue;
		}
		if (*s == '?') {
			s = expand_cond(m, s + 1, out, depth, &err);
			continue;
		}
		if (*s == '&')
			s++;
		if (macro_name(&s, name, sizeof name) < 0)
			continue;
		v = macro_get(m, name);
		if (v && is_meta_value(name, v))
			str_append(out, v);	/* "$#" stands for itself */
		else if (v)
			err |= expand(m, v, out, depth + 1);
	}
	return err ? -1 : 0;
}

/* Expand text into out. */
int macro_expand(const struct macro *m, const char *text, struct str *out)
{
	return expand(m, text, out, 0);
}
