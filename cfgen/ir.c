/*
 * ir.c - lookups over a parsed configuration and its release (ir.h).
 *
 * The lookups are linear scans over the definition-ordered arrays: a
 * configuration has tens of macros, maps and mailers, and the parser keeps
 * its own hash index while building. Everything lives in cf->arena, so
 * cf_free() is one arena_free().
 */
#include "cfgen/ir.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lib/arena.h"

/* Names and emit spellings of the token kinds, indexed by enum ir_tok_kind. */
static const struct {
	const char *name, *meta;
} tok_kinds[] = {
	[IR_WORD] = { "word", "" },	[IR_STAR] = { "star", "$*" },
	[IR_PLUS] = { "plus", "$+" },	[IR_ONE] = { "one", "$-" },
	[IR_CLASS] = { "class", "$=" },	[IR_NCLASS] = { "nclass", "$~" },
	[IR_DEFER] = { "defer", "$&" },	[IR_POS] = { "pos", "$" },
	[IR_NET] = { "net", "$#" },	[IR_HOST] = { "host", "$@" },
	[IR_USER] = { "user", "$:" },	[IR_CALL] = { "call", "$>" },
	[IR_HBEGIN] = { "hbegin", "$[" }, [IR_HEND] = { "hend", "$]" },
	[IR_LBEGIN] = { "lbegin", "$(" }, [IR_LEND] = { "lend", "$)" },
	[IR_SEP] = { "sep", "$|" },	[IR_DOT] = { "dot", "$." },
};

const char *ir_tok_kind_name(enum ir_tok_kind kind) { return tok_kinds[kind].name; }

const char *ir_tok_meta(enum ir_tok_kind kind) { return tok_kinds[kind].meta; }

const struct ir_macro *cf_macro(const struct cf *cf, const char *name)
{
	for (size_t i = 0; i < cf->nmacros; i++)
		if (strcmp(cf->macros[i].name, name) == 0)
			return &cf->macros[i];
	return NULL;
}

const struct ir_class *cf_class(const struct cf *cf, const char *name)
{
	for (size_t i = 0; i < cf->nclasses; i++)
		if (strcmp(cf->classes[i].name, name) == 0)
			return &cf->classes[i];
	return NULL;
}

const struct ir_option *cf_option(const struct cf *cf, const char *name)
{
	for (size_t i = cf->noptions; i-- > 0;)
		if (strcasecmp(cf->options[i].name, name) == 0)
			return &cf->options[i];
	return NULL;
}

const struct ir_option *cf_option_next(const struct cf *cf, const char *name,
				       const struct ir_option *prev)
{
	for (size_t i = prev ? (size_t)(prev - cf->options) + 1 : 0; i < cf->noptions; i++)
		if (strcasecmp(cf->options[i].name, name) == 0)
			return &cf->options[i];
	return NULL;
}

const struct ir_map *cf_map(const struct cf *cf, const char *name)
{
	for (size_t i = 0; i < cf->nmaps; i++)
		if (strcmp(cf->maps[i].name, name) == 0)
			return &cf->maps[i];
	return NULL;
}

const struct ir_mailer *cf_mailer(const struct cf *cf, const char *name)
{
	for (size_t i = 0; i < cf->nmailers; i++)
		if (strcmp(cf->mailers[i].name, name) == 0)
			return &cf->mailers[i];
	return NULL;
}

const struct ir_ruleset *cf_ruleset_by_num(const struct cf *cf, int num)
{
	for (size_t i = 0; i < cf->nrulesets; i++)
		if (cf->rulesets[i].num == num)
			return &cf->rulesets[i];
	return NULL;
}

const struct ir_ruleset *cf_ruleset_by_name(const struct cf *cf, const char *name)
{
	for (size_t i = 0; i < cf->nrulesets; i++)
		if (cf->rulesets[i].name && strcmp(cf->rulesets[i].name, name) == 0)
			return &cf->rulesets[i];
	return NULL;
}

const char *ir_field_get(const struct ir_field *fields, size_t n, char letter)
{
	for (size_t i = 0; i < n; i++)
		if (fields[i].letter == letter)
			return fields[i].value;
	return NULL;
}

void cf_free(struct cf **cfp)
{
	struct arena *a;

	if (*cfp == NULL)
		return;
	a = (*cfp)->arena;
	arena_free(&a);	/* the struct cf itself lives in its arena */
	*cfp = NULL;
}
