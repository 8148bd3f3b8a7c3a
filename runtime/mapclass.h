/*
 * mapclass.h - the map classes behind map.h (private to runtime/).
 *
 * struct rt_map is one K line, parsed; each class provides a lookup
 * function with the same contract: return the result (already passed
 * through map_result(), in rt->work) or NULL when not found, setting
 * *stat to RT_TEMPFAIL / RT_NOHOST / RT_CONFIG on failure. Maps open
 * lazily inside their lookup function.
 */
#ifndef MAILCF_MAPCLASS_H
#define MAILCF_MAPCLASS_H

#include <regex.h>

#include "lib/limits.h"
#include "runtime/rt.h"

struct rt_map;

typedef const char *map_lookup_fn(struct rt *rt, struct rt_map *m, char *key,
				  const char *const *args, int nargs, int *stat);

/* Checks a class makes when the K line is read (sendmail's parseargs):
 * 0, or -1 after printing why through map_load_error(); the map is then
 * "not open" for good. */
typedef int map_setup_fn(struct rt *rt, struct rt_map *m, FILE *err);

/* Open a lazily opened map before -bt's /map prints its answer (the
 * open's messages come first); 0 or -1, as the lookup would see it. */
typedef int map_open_fn(struct rt *rt, struct rt_map *m);

struct map_class {
	const char *name;
	map_lookup_fn *lookup;
	map_setup_fn *setup;	/* NULL: nothing to check at load */
	map_open_fn *open;	/* NULL: opened by the lookup itself */
};

struct rt_map {
	const char *name;
	const struct ir_map *ir;	/* NULL for the implicit "host" */
	const struct map_class *cls;	/* NULL: class not available */
	const char *args, *file;
	char *app, *tapp, *sublist, *vname;	/* vname: -v as written */
	char *dflag;		/* -d text: regex delimiter, socket timeout */
	int optional, keepquotes, matchonly, nofold, nodefer_temp;
	int negate, bre, subs, kcol, vcol, zdelim, nul;
	int rrtype, zcount;	/* dns: -R type (ns_t_*), -Z count */
	const char *rtext;	/* dns: -R as written, to the end of the line */
	char spacesub;
	int opened, failed;	/* open attempted / failed */
	int busy;		/* a sequence being searched (cycle guard) */
	int hostdot;		/* the implicit host map: "." appended */
	int notopen;		/* refused at load: "Map named X not open" */
	char *lflag;		/* -L text: syslog level */
	int priority;		/* syslog: the level -L names */
	struct mapdb *db;
	regex_t re;
	int re_ok;
	int fields[LIMIT_REGEX_FIELDS];	/* regex -s list (nfields of them) */
	int nfields;
	struct sockmap *sock;	/* socket class: the endpoint */
	char *text;		/* text class: the whole file */
	struct stab_entry *stab;	/* stab class: the aliases read */
	size_t nstab;
	struct rt_map **subs_v;	/* sequence / switch members */
	size_t nsubs;
};

/* Print "FILE: line N: " and the message, as readcf reports a K line
 * (sendmail's syserr(): the exit status becomes EX_SOFTWARE). */
void map_load_error(struct rt *rt, const struct rt_map *m, FILE *err,
		    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Lower-case key in place unless the map keeps case (-f). */
void map_fold(const struct rt_map *m, char *key);

/* map_rewrite(): s with %0..%9 replaced by args ("%%" is '%', any other
 * "%x" is kept), then -a appended; args NULL: s kept as is (dequote). */
const char *map_result(struct rt *rt, const struct rt_map *m, const char *s,
		       const char *const *args, int nargs);

map_lookup_fn map_db_lookup, map_text_lookup, map_dequote_lookup,
	map_macro_lookup, map_arith_lookup, map_seq_lookup, map_host_lookup,
	map_user_lookup, map_regex_lookup, map_null_lookup, map_dns_lookup,
	map_bestmx_lookup, map_program_lookup, map_stab_lookup,
	map_syslog_lookup, map_arpa_lookup, map_socket_lookup;
map_setup_fn map_regex_setup, map_file_setup, map_syslog_setup, map_dns_setup;
/* Opens done at the first use, or early by /map (map_check_open), so
 * that their complaints come before its answer, as in sendmail. */
map_open_fn map_socket_open, map_stab_open, map_db_open, map_text_open, map_switch_open,
	map_user_open;

/* Parse a regex field list ("1,3,4"; sendmail reads each number as atoi
 * does) for a pattern with nsub groups into fields[LIMIT_REGEX_FIELDS].
 * Returns the count, or -1 with sendmail's message in msg: "too many
 * fields, 32 max", "field (N) out of range, only N substrings in
 * pattern". An empty list means every substring, 0..nsub. */
int map_regex_fields(const char *list, int nsub, int *fields, char *msg,
		     size_t msgsize);
/* Join the substrings fields[0..n) of key (pmatch from regexec) with
 * delim into out, at most size - 1 bytes (sendmail's MAXNAME buffer:
 * what does not fit is dropped). Returns 0, or -1 when the copied text
 * would not scan as an address: unbalanced <>, () or quotes, a trailing
 * backslash, or a blank outside quotes (sendmail then answers "no
 * match"). Delimiters are not checked. */
int map_regex_join(const char *key, const regmatch_t *pmatch, const int *fields,
		   int n, const char *delim, char *out, size_t size);

/* Resolve the members of sequence map m (index i of rt->maps) among the
 * maps defined before it, as readcf does at its K line; unknown ones are
 * reported on err. */
void map_seq_setup(struct rt *rt, struct rt_map *m, size_t i, FILE *err);

/* The DNS record type named by a dns map's -R (A, MX, ...), or -1. */
int dnsmap_type(const char *name);

#endif
