/*
 * rt.h - the runtime's view of a loaded configuration.
 *
 * rt_new() turns a validated IR (cfgen/ir.h) into what the rewriting
 * engine runs: rulesets compiled once into arrays of patterns (rw.h),
 * interned classes (cls.h), the macro table (macro.h), maps opened on
 * first use (map.h), tokenizer tables for rules and for addresses, and
 * the host's identity ($w $j $m, class w; host.h). Everything the engine
 * needs at rewrite time hangs off struct rt; nothing is global.
 *
 * Class files are read (and complained about) while cfgen parses, see
 * safefile.h; rt_new() only records the exit status for them.
 *
 * Ownership: struct rt keeps a pointer to the IR (which must outlive it)
 * and owns the rest; rt_free() releases it. rt->work is a scratch arena
 * callers reset between addresses (-bt resets it per command line).
 */
#ifndef MAILCF_RT_H
#define MAILCF_RT_H

#include <stdio.h>

#include "cfgen/ir.h"
#include "lib/limits.h"
#include "runtime/tok.h"

struct arena;
struct cls;
struct macro;
struct rw_rule;
struct rt_map;

/* The sendmail version whose behaviour (and $v, -bt help text) we
 * reproduce. */
#define RT_VERSION "8.17.1.9"
/* The highest configuration level (V line) that version understands. */
#define RT_CF_LEVEL 10

/* sysexits(3) values sendmail reports as ruleset status. */
enum rt_status {
	RT_OK = 0, RT_USAGE = 64, RT_DATAERR = 65, RT_NOHOST = 68,
	RT_UNAVAILABLE = 69, RT_SOFTWARE = 70, RT_OSERR = 71,
	RT_TEMPFAIL = 75, RT_CONFIG = 78
};

/* One ruleset, compiled. */
struct rt_set {
	const char *name;	/* NULL for a purely numbered set */
	struct rw_rule *rules;
	size_t nrules;
	int defined;
};

struct rt {
	const struct cf *cf;
	struct arena *arena;	/* lives as long as rt */
	struct arena *work;	/* scratch, reset by callers */
	struct macro *macros;
	struct cls *cls;
	struct tok_table rules;	/* parentheses are tokens */
	struct tok_table ext;	/* parentheses delimit comments */
	const struct tok_table *input;	/* -bt addresses: by config level */
	char blanksub;		/* BlankSub option ('.' in the m4 library) */
	int level;		/* V line */
	struct rt_set sets[LIMIT_RULESETS];
	struct rt_map *maps;
	size_t nmaps;
	FILE *out;		/* trace and -bt output */
	int trace;		/* print "input:"/"returns:" lines */
	unsigned char debug[100];	/* -d levels by category */
	int exitstat;		/* first error so far (sendmail's ExitStat) */
	size_t nrejected_told;	/* cf->rejected printed so far (cfwarn.h) */
	const char *switch_file;	/* ServiceSwitchFile to read, or NULL */
	const char *switch_name;	/* ServiceSwitchFile as configured */
	int switch_warn;	/* its warnings: 0 not yet, 1 due, 2 done */
	const char *host_name;	/* canonical host name before the .cf */
	double load_average;	/* at start-up, -1 if unknown */
	const char *hosts_file;		/* HostsFile */
	char *switch_text, *hosts_text;	/* both read once (host.c) */
	struct host_cache *host_cache;	/* host map answers (host.c, in arena) */
};

/* Build the runtime from a parsed, validated configuration for operation
 * mode opmode ('t' for -bt: the value of ${opMode}). Problems the runtime
 * finds (class files it cannot read...) are printed on err as sendmail
 * prints them. NULL on failure. */
struct rt *rt_new(const struct cf *cf, char opmode, FILE *out, FILE *err);
/* Free it; *rtp becomes NULL. */
void rt_free(struct rt **rtp);
/* Record an error status: the first one is the one sendmail exits with. */
void rt_fail(struct rt *rt, int status);
/* A syserr() about a line of the configuration or a file it names, as
 * readcf prints one: "FILE: line N: message" on out (pos->file NULL: the
 * .cf itself; out NULL: nothing printed); the status becomes EX_SOFTWARE
 * (rt_fail). */
void rt_syserr_at(struct rt *rt, FILE *out, const struct srcpos *pos,
		  const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Ruleset number for a name or number as written; -1 if unknown. */
int rt_set_lookup(const struct rt *rt, const char *name);
/* The name to print for ruleset n (its name, else its number, in buf). */
const char *rt_set_name(const struct rt *rt, int n, char *buf, size_t size);
/* 1 if debug category cat is at level >= lvl (-d cat.lvl). */
static inline int rt_debug(const struct rt *rt, int cat, int lvl)
{
	return cat >= 0 && cat < 100 && rt->debug[cat] >= lvl;
}

#endif
