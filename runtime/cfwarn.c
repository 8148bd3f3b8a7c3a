/*
 * cfwarn.c - readcf's messages for refused lines (see cfwarn.h).
 */
#include "runtime/cfwarn.h"

#include "lib/str.h"

/* One refused line in readcf's words (each is a syserr there). */
static void print_one(struct rt *rt, const struct ir_rejected *r, FILE *err)
{
	struct str line = STR_INIT;

	switch (r->kind) {
	case IR_REJECT_RULE:
		/* readcf has already turned '$' into its macro byte, which
		 * prints as \001 */
		for (const char *p = r->a; *p; p++)
			str_appendc(&line, *p == '$' ? '\001' : *p);
		rt_syserr_at(rt, err, &r->pos, "invalid rewrite line \"%s\" (tab expected)",
			     str_cstr(&line));
		break;
	case IR_REJECT_OPTION:
		rt_syserr_at(rt, err, &r->pos, "readcf: unknown option name %s", r->a);
		break;
	case IR_REJECT_MAPCLASS:
		rt_syserr_at(rt, err, &r->pos, "readcf: map %s: class %s not available",
			     r->a, r->b);
		break;
	}
	str_free(&line);
}

void cfwarn_rejected_upto(struct rt *rt, FILE *err, unsigned line)
{
	const struct cf *cf = rt->cf;

	for (; rt->nrejected_told < cf->nrejected &&
	       cf->rejected[rt->nrejected_told].pos.line < line; rt->nrejected_told++)
		print_one(rt, &cf->rejected[rt->nrejected_told], err);
}

void cfwarn_version(const struct rt *rt, FILE *err)
{
	if (!err || rt->level == RT_CF_LEVEL)
		return;
	if (rt->level < RT_CF_LEVEL)
		fprintf(err, "Warning: .cf file is out of date: sendmail %s supports "
			"version %d, .cf file is version %d\n", RT_VERSION, RT_CF_LEVEL,
			rt->level);
	else
		fprintf(err, "Warning: .cf version level (%d) exceeds sendmail "
			"version %s functionality (%d)\n", rt->level, RT_VERSION,
			RT_CF_LEVEL);
}
