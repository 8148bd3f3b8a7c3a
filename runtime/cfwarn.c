/*
 * cfwarn.c - readcf's messages for refused lines (see cfwarn.h).
 */
#include "runtime/cfwarn.h"

void cfwarn_rejected(struct rt *rt, FILE *err)
{
	const struct cf *cf = rt->cf;

	for (size_t i = 0; i < cf->nrejected; i++) {
		const struct ir_rejected *r = &cf->rejected[i];

		if (err) {
			/* readcf has already turned '$' into its macro byte,
			 * which prints as \001 */
			fprintf(err, "%s: line %u: invalid rewrite line \"",
				r->pos.file ? r->pos.file : cf->file, r->pos.line);
			for (const char *p = r->text; *p; p++)
				putc(*p == '$' ? '\001' : *p, err);
			fputs("\" (tab expected)\n", err);
		}
		rt_fail(rt, RT_SOFTWARE);
	}
}
