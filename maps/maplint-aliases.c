/*
 * maplint-aliases.c - checks of aliases(5) sources (catalog section 4).
 *
 * Syntax (ALI001, ALI005) is the parser's; here: duplicates (ALI002),
 * loops among local names (ALI003), required names (ALI004), program
 * and file targets (ALI006, ALI007: a missing :include: file is checked on
 * this host), and owner- lists (ALI010). ALI008 (unknown local users) is a
 * host-tier check left to cfgen lint; ALI009 is maplint.c's staleness check.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "lib/str.h"
#include "maps/aliases.h"
#include "maps/maplint_private.h"

/* Walk state for one alias's targets. */
struct walk {
	struct lint *l;
	const struct lint_entry *e;
	size_t *edges;		/* local targets that are aliases (indexes) */
	size_t nedges, capedges;
};

/* ALI006/ALI007 for one target; remember local alias targets. */
static void target(void *arg, const struct alias_target *t)
{
	struct walk *w = arg;
	unsigned col = w->e->value_col + t->offset;
	if (t->kind == ALIAS_PROGRAM && !t->quoted && memchr(t->text, ' ', t->len))
		maplint_report(w->l, DIAG_ERROR, w->e, col, "ALI006", "program with "
			       "arguments must be quoted: \"%.*s\"", (int)t->len, t->text);
	if (t->kind == ALIAS_INCLUDE) {
		char *path = strndup(t->text + 9, t->len - 9);
		struct stat st;
		if (path && path[0] != '/')
			maplint_report(w->l, DIAG_ERROR, w->e, col, "ALI007",
				       ":include: needs an absolute path");
		else if (path && stat(path, &st) != 0)
			maplint_report(w->l, DIAG_ERROR, w->e, col, "ALI007",
				       ":include: file %s does not exist", path);
		free(path);
	}
	if (t->kind == ALIAS_FILE && t->len >= 5 && strncmp(t->text, "/tmp/", 5) == 0)
		maplint_report(w->l, DIAG_ERROR, w->e, col, "ALI007", "file target "
			       "in world-writable /tmp: sendmail refuses it as unsafe");
	if (t->kind != ALIAS_ADDRESS || t->quoted || memchr(t->text, '@', t->len))
		return;
	size_t to = maplint_find(w->l, t->text, t->len);
	if (to == w->l->n)
		return;
	if (w->nedges == w->capedges) {
		size_t cap = w->capedges ? w->capedges * 2 : 8;
		w->edges = arena_grow(w->l->arena, w->edges, w->capedges, cap, sizeof *w->edges);
		w->capedges = cap;
	}
	w->edges[w->nedges++] = to;
}

/* Graph of alias -> aliases it names, for loop detection. */
struct graph {
	size_t **to, *nto;
	char *state;		/* 0 new, 1 on the stack, 2 done */
	size_t *stack, *next;	/* DFS path and each node's next edge */
	size_t depth;
};

/* Report the loop closed by an edge to u from the top of the stack. */
static void report_loop(struct lint *l, const struct graph *g, size_t u)
{
	struct str path = STR_INIT;
	size_t k = g->depth;
	while (k > 0 && g->stack[k - 1] != u)
		k--;
	for (size_t j = k - 1; j < g->depth; j++)
		str_printf(&path, "%s -> ", l->e[g->stack[j]].key);
	str_append(&path, l->e[u].key);
	maplint_report(l, DIAG_ERROR, &l->e[u], 1, "ALI003", "alias loop: %s", path.s);
	str_free(&path);
}

/* Iterative depth-first search from root (no recursion: chains may be
 * as long as the file). */
static void visit(struct lint *l, struct graph *g, size_t root)
{
	g->depth = 0;
	g->stack[g->depth++] = root;
	g->state[root] = 1;
	while (g->depth > 0) {
		size_t v = g->stack[g->depth - 1];
		if (g->next[v] == g->nto[v]) {
			g->state[v] = 2;
			g->depth--;
			continue;
		}
		size_t u = g->to[v][g->next[v]++];
		if (g->state[u] == 1)
			report_loop(l, g, u);
		else if (g->state[u] == 0) {
			g->state[u] = 1;
			g->stack[g->depth++] = u;
		}
	}
}

/* ALI004: postmaster is required, the RFC 2142 names are expected. */
static void required(struct lint *l)
{
	static const char *const names[] = { "postmaster", "mailer-daemon", "abuse",
					     "hostmaster", NULL };
	for (int i = 0; names[i]; i++)
		if (maplint_find(l, names[i], strlen(names[i])) == l->n)
			maplint_report(l, i == 0 ? DIAG_ERROR : DIAG_WARNING, NULL, 0,
				       "ALI004", "no %s alias%s", names[i], i == 0
				       ? " (RFC 5321 requires postmaster)" : " (RFC 2142)");
}

void maplint_aliases_check(struct lint *l)
{
	struct graph g = { 0 };
	size_t n = l->n ? l->n : 1;
	g.to = arena_calloc(l->arena, n, sizeof *g.to);
	g.nto = arena_calloc(l->arena, n, sizeof *g.nto);
	g.state = arena_calloc(l->arena, n, 1);
	g.stack = arena_calloc(l->arena, n, sizeof *g.stack);
	g.next = arena_calloc(l->arena, n, sizeof *g.next);
	for (size_t i = 0; i < l->n; i++) {
		struct walk w = { l, &l->e[i], NULL, 0, 0 };
		const char *msg;
		size_t off;
		aliases_split(l->e[i].value, l->e[i].valuelen, target, &w, &msg, &off);
		g.to[i] = w.edges;
		g.nto[i] = w.nedges;
		const char *k = l->e[i].key;
		if (strncmp(k, "owner-", 6) == 0 &&
		    maplint_find(l, k + 6, strlen(k + 6)) < l->n)
			maplint_report(l, DIAG_NOTE, &l->e[i], 1, "ALI010",
				       "bounces for list %s go to %s (the envelope "
				       "sender becomes owner-%s)", k + 6,
				       l->e[i].value, k + 6);
	}
	for (size_t i = 0; i < l->n; i++)
		if (g.state[i] == 0 && maplint_find(l, l->e[i].key, l->e[i].keylen) == i)
			visit(l, &g, i);
	required(l);
	maplint_duplicates(l, "ALI002", DIAG_WARNING);
}
