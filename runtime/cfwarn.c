/*
 * cfwarn.c - readcf's messages for refused lines (see cfwarn.h).
 */
#include "runtime/cfwarn.h"

/* One refused line in readcf's words. */
static void print_one(const struct cf *cf, const struct ir_rejected *r, FILE *err)
{
	fprintf(err, "%s: line %u: ", r->pos.file ? r->pos.file : cf->file,
		r->pos.line);
	switch (r->kind) {
	case IR_REJECT_RULE:
		/* readcf has already turned '$' into its macro byte, which
		 * prints as \001 */
		fputs("invalid rewrite line \"", err);
		for (const char *p = r->a; *p; p++)
			putc(*p == '$' ? '\001' : *p, err);
		fputs("\" (tab expected)\n", err);
		break;
	case IR_REJECT_OPTION:
		fprintf(err, "readcf: unknown option name %s\n", r->a);
		break;
	case IR_REJECT_MAPCLASS:
		fprintf(err, "readcf: map %s: class %s not available\n", r->a, r->b);
		break;
	}
}

void cfwarn_rejected(struct rt *rt, FILE *err)
{
	for (size_t i = 0; i < rt->cf->nrejected; i++) {
		if (err)
			print_one(rt->cf, &rt->cf->rejected[i], err);
		rt_fail(rt, RT_SOFTWARE);
	}
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
