/*
 * rt.c - load a configuration's IR into the runtime's form.
 *
 * Entry points: rt_new() (compile once: tokenizer tables, macros, host
 * identity, classes, rulesets, maps), rt_free(), rt_set_lookup(),
 * rt_set_name(), rt_fail(). Trusts the IR to have been validated by
 * cfgen; prints the start-up complaints sendmail prints ("No local mailer
 * defined"), records sendmail's exit status for them and for the class
 * files the parser could not read, and defines the macros and classes
 * sendmail defines before it reads a .cf.
 */
#include "runtime/rt.h"
#include "runtime/mailer.h"

#include <ctype.h>
#include <limits.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lib/arena.h"
#include "lib/str.h"
#include "lib/xalloc.h"
#include "runtime/cfwarn.h"
#include "runtime/cls.h"
#include "runtime/host.h"
#include "runtime/macro.h"
#include "runtime/map.h"
#include "runtime/qid.h"
#include "runtime/rw.h"
#include "runtime/safefile.h"

/* The value of option name, or dflt. */
static const char *option(const struct cf *cf, const char *name,
			  const char *dflt)
{
	const struct ir_option *o = cf_option(cf, name);

	return o && o->value ? o->value : dflt;
}

/* The macros sendmail defines before it reads the .cf (op.txt 5.1.2). */
static void startup_macros(struct rt *rt, const char *mode)
{
	struct passwd *pw = getpwuid(getuid());
	char who[300], buf[QID_SIZE];
	time_t now = time(NULL);

	snprintf(who, sizeof who, "%s@localhost", pw ? pw->pw_name : "root");
	macro_set(rt->macros, "_", who);		/* invoker, RFC 1413 style */
	macro_set(rt->macros, "v", RT_VERSION);	/* the version we answer as */
	macro_set(rt->macros, "n", "MAILER-DAEMON");
	macro_set(rt->macros, "opMode", mode);
	if (mode[0] == 't')	/* test mode delivers interactively */
		macro_set(rt->macros, "deliveryMode", "i");
	/* the envelope test mode works in: created now, for a recipient */
	qid_date(now, buf, sizeof buf);
	macro_set(rt->macros, "b", buf);
	qid_make(now, (long)getpid(), (unsigned)(now ^ getpid() * 2654435761u), buf,
		 sizeof buf);
	macro_set(rt->macros, "i", buf);
	macro_set(rt->macros, "addr_type", "e r");
	macro_set(rt->macros, "quarantine", "");
	rt->load_average = qid_load_average();
	snprintf(buf, sizeof buf, "%d", (int)(rt->load_average + 0.5));	/* getla() */
	macro_set(rt->macros, "load_avg", rt->load_average < 0 ? NULL : buf);
	/* "$#", "$*", "$1"...: a macro per rule metacharacter, whose value
	 * is that metacharacter, so that D lines can hold them */
	for (const char *c = "#()*+-.:>?@[]|~&0123456789"; *c; c++) {
		char name[2] = { *c, 0 }, meta[3] = { '$', *c, 0 };

		macro_set(rt->macros, name, meta);
	}
}

/* Add the blank-separated words to class name. */
static void class_words(struct rt *rt, const char *name, const char *words)
{
	int id = cls_id(rt->cls, name, 1);
	char *copy = xstrdup(words), *save = NULL;

	for (char *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save))
		cls_add(rt->cls, id, w);
	free(copy);
}

/* The classes sendmail fills before it reads the .cf (op.txt 5.3). */
static void startup_classes(struct rt *rt)
{
	const char *k = macro_get(rt->macros, "k");

	class_words(rt, "e", "7bit 8bit binary");	/* 8->7 encodable */
	class_words(rt, "n", "multipart/signed");	/* never encoded */
	class_words(rt, "s", "rfc822");			/* message/ subtypes */
	class_words(rt, "persistentMacros", "r s _ {if_addr} {daemon_flags}");
	if (k)
		class_words(rt, "k", k);
}

/* Load the classes of the IR; the parser's hook (safefile.h) has
 * complained about the files it could not read. */
static void load_classes(struct rt *rt)
{
	const struct cf *cf = rt->cf;

	for (size_t i = 0; i < cf->nclasses; i++) {
		const struct ir_class *c = &cf->classes[i];
		int id = cls_id(rt->cls, c->name, 1);

		for (size_t k = 0; k < c->nmembers; k++)
			cls_add(rt->cls, id, c->members[k]);
		for (size_t k = 0; k < c->nsources; k++) {
			const struct ir_class_source *s = &c->sources[k];

			if (s->kind == IR_CLASS_FILE && !s->loaded && !s->optional)
				rt_fail(rt, RT_OSERR);
		}
	}
}

/* After the .cf, $j (perhaps set by a D line) is one of our names. */
static void add_j_to_w(struct rt *rt)
{
	const char *j = macro_get(rt->macros, "j");
	struct str s = STR_INIT;

	if (!j)
		return;
	macro_expand(rt->macros, j, &s);
	if (s.len)
		cls_add(rt->cls, cls_id(rt->cls, "w", 1), s.s);
	str_free(&s);
}

/* Compile every ruleset. */
static int load_rulesets(struct rt *rt, FILE *err)
{
	for (size_t i = 0; i < rt->cf->nrulesets; i++)
		if (rw_compile(rt, &rt->cf->rulesets[i], err) < 0)
			return -1;
	return 0;
}

/* Build the runtime from the IR; see rt.h. */
struct rt *rt_new(const struct cf *cf, char opmode, FILE *out, FILE *err)
{
	char mode[2] = { opmode, 0 };
	struct rt *rt = xcalloc(1, sizeof *rt);
	const char *ops = cf->operators ? cf->operators : ".:@[]";

	rt->cf = cf;
	rt->out = out;
	rt->arena = arena_new();
	rt->work = arena_new();
	rt->macros = macro_new();
	rt->cls = cls_new();
	rt->level = cf->level;
	rt->blanksub = option(cf, "BlankSub", " ")[0];
	tok_table_init(&rt->rules, ops, 0);
	tok_table_init(&rt->ext, ops, 1);
	rt->input = rt->level >= 9 ? &rt->rules : &rt->ext;
	rt->switch_name = option(cf, "ServiceSwitchFile", "/etc/mail/service.switch");
	rt->switch_file = safefile_switch_path(rt, rt->switch_name);
	rt->hosts_file = option(cf, "HostsFile", "/etc/hosts");
	host_identity(rt);
	rt->host_name = arena_strdup(rt->arena, macro_get(rt->macros, "j") ?
				     macro_get(rt->macros, "j") : "");
	startup_macros(rt, mode);
	startup_classes(rt);
	for (size_t i = 0; i < cf->nmacros; i++)
		macro_set(rt->macros, cf->macros[i].name, cf->macros[i].value);
	load_classes(rt);
	host_probe_interfaces(rt);
	add_j_to_w(rt);
	mailer_check_all(rt, err);
	if (load_rulesets(rt, err) < 0 || map_setup(rt, err) < 0) {
		rt_free(&rt);
		return NULL;
	}
	cfwarn_rejected_upto(rt, err, UINT_MAX);
	cfwarn_version(rt, err);
	if (!cf_mailer(cf, "local")) {
		if (err)
			fputs("No local mailer defined\n", err);
		rt_fail(rt, RT_SOFTWARE);
	}
	return rt;
}

/* rt_syserr_at(): see rt.h. */
void rt_syserr_at(struct rt *rt, FILE *out, const struct srcpos *pos,
		  const char *fmt, ...)
{
	va_list ap;

	rt_fail(rt, RT_SOFTWARE);
	if (!out)
		return;
	fprintf(out, "%s: line %u: ", pos->file ? pos->file : rt->cf->file, pos->line);
	va_start(ap, fmt);
	vfprintf(out, fmt, ap);
	va_end(ap);
	putc('\n', out);
}

/* The first error status sticks (sendmail's ExitStat). */
void rt_fail(struct rt *rt, int status)
{
	if (rt->exitstat == RT_OK)
		rt->exitstat = status;
}

/* Free everything rt owns. */
void rt_free(struct rt **rtp)
{
	struct rt *rt = *rtp;

	if (!rt)
		return;
	map_free_all(rt);
	free(rt->switch_text);
	free(rt->hosts_text);
	macro_free(&rt->macros);
	cls_free(&rt->cls);
	arena_free(&rt->work);
	arena_free(&rt->arena);
	free(rt);
	*rtp = NULL;
}

/* Ruleset number for a name or a number. */
int rt_set_lookup(const struct rt *rt, const char *name)
{
	size_t len = strlen(name);

	if (len >= 2 && name[0] == '"' && name[len - 1] == '"') {
		char buf[LIMIT_RULESET_NAME];

		if (len - 2 >= sizeof buf)
			return -1;
		memcpy(buf, name + 1, len - 2);
		buf[len - 2] = '\0';
		return rt_set_lookup(rt, buf);
	}
	if (isdigit((unsigned char)name[0])) {
		char *end;
		long n = strtol(name, &end, 10);

		return *end == '\0' && n >= 0 && n < LIMIT_RULESETS ? (int)n : -1;
	}
	for (int i = 0; i < LIMIT_RULESETS; i++)
		if (rt->sets[i].name && strcmp(rt->sets[i].name, name) == 0)
			return i;
	return -1;
}

/* The printed name of ruleset n. */
const char *rt_set_name(const struct rt *rt, int n, char *buf, size_t size)
{
	if (n >= 0 && n < LIMIT_RULESETS && rt->sets[n].name)
		return rt->sets[n].name;
	snprintf(buf, size, "%d", n);
	return buf;
}
