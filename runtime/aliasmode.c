/*
 * aliasmode.c - AliasFile list and alias-name resolution (aliasmode.h).
 */
#include "runtime/aliasmode.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/arena.h"
#include "runtime/addr.h"
#include "runtime/rt.h"

int aliasmode_files(const struct cf *cf, struct str *out)
{
	int n = 0;

	for (const struct ir_option *a = NULL; (a = cf_option_next(cf, "AliasFile", a));) {
		if (!a->value || !*a->value)
			continue;
		str_printf(out, "%s%s", n ? "," : "", a->value);
		n++;
	}
	return n;
}

/* The reason a resolved name is not local, into why. */
static void not_local(const struct addr_parsed *pa, struct str *why)
{
	switch (pa->kind) {
	case ADDR_MAILER:
		str_printf(why, "mailer %s%s%s", pa->mailer,
			   pa->host.len ? ", host " : "", str_cstr(&pa->host));
		break;
	case ADDR_ERROR:
		str_printf(why, "error: %s", str_cstr(&pa->user));
		break;
	case ADDR_UNKNOWN:
		str_printf(why, "unknown mailer %s", pa->mailer);
		break;
	case ADDR_NONE:
	case ADDR_NOMAILER:
		str_append(why, "no mailer");
		break;
	}
}

/* aliases_resolver.resolve over struct rt (see aliasmode.h). */
static int resolve(void *arg, const char *name, const struct srcpos *pos,
		   struct str *key, struct str *why)
{
	struct rt *rt = arg;
	struct addr_parsed pa = ADDR_PARSED_INIT;
	FILE *out = rt->out, *cap;
	char *text = NULL;
	size_t len = 0;
	int r, local;

	(void)pos;
	cap = rt_debug(rt, 21, 1) ? NULL : open_memstream(&text, &len);
	if (cap)
		rt->out = cap;
	r = addr_resolve(rt, name, 0, &pa);
	if (cap) {
		fclose(cap);
		rt->out = out;
	}
	local = r == 0 && addr_aliasable(&pa);
	if (local)
		str_append(key, str_cstr(&pa.user));
	else if (r < 0 && text && len)
		str_appendn(why, text, strcspn(text, "\n"));
	else
		not_local(&pa, why);
	free(text);
	addr_parsed_free(&pa);
	arena_reset(rt->work);
	return local ? 0 : 1;
}

void aliasmode_resolver(struct rt *rt, struct aliases_resolver *res)
{
	res->resolve = resolve;
	res->problem = NULL;
	res->arg = rt;
}
