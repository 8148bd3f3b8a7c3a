/*
 * debug.c - the -d categories the runtime prints (see debug.h).
 *
 * Entry points: debug_set(), debug_startup(), debug_map_lookup().
 * Formats are sendmail 8.17.1.9's, observed with the real binary
 * (tests/runtime/debug.test). The "Compiled with:" list names what
 * mailcf implements, with sendmail's names for it: the dns, regex and
 * cdb map classes, the resolver, scanf formats on F lines. hash and btree
 * maps are GDBM files here, so NEWDB (Berkeley DB) is not claimed.
 */
#include "runtime/debug.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "lib/str.h"
#include "runtime/btcmd.h"
#include "runtime/cls.h"
#include "runtime/host.h"
#include "runtime/macro.h"

/* What we support, in sendmail's "Compiled with:" words (sorted). */
static const char *const compiled_with[] = {
	"CDB", "DNSMAP", "MAP_REGEX", "NAMED_BIND", "SCANF",
};

/* sendmail wraps these word lists: continuation lines start with two
 * tabs and hold at most 64 columns; the first line, after its label,
 * fewer (observed: between 50 and 60). */
enum { WRAP_FIRST = 55, WRAP_NEXT = 64 };

/* Apply one "cat[-cat][.level]" item at p; returns the rest. As in
 * sendmail, an item not starting with a digit is ignored, and a level
 * that is not a number is 0. */
static const char *debug_item(unsigned char *levels, const char *p)
{
	long lo, hi, lvl = 1;
	char *end;

	if (isdigit((unsigned char)*p)) {
		lo = hi = strtol(p, &end, 10);
		p = end;
		if (*p == '-' && isdigit((unsigned char)p[1])) {
			hi = strtol(p + 1, &end, 10);
			p = end;
		}
		if (*p == '.')
			lvl = strtol(p + 1, &end, 10);
		for (long c = lo; c <= hi && c < DEBUG_CATEGORIES; c++)
			levels[c] = (unsigned char)(lvl > 255 ? 255 : lvl);
	}
	while (*p && *p != ',')
		p++;
	return *p == ',' ? p + 1 : p;
}

/* Apply a specification; see debug.h. */
void debug_set(unsigned char *levels, const char *spec)
{
	if (*spec == '\0') {
		memset(levels, 1, DEBUG_CATEGORIES);
		return;
	}
	while (*spec)
		spec = debug_item(levels, spec);
}

/* "Version" and the wrapped "Compiled with:" list. */
static void print_version(FILE *out)
{
	size_t col = 0, width = WRAP_FIRST;

	fputs("Version " RT_VERSION "\n Compiled with:", out);
	for (size_t i = 0; i < sizeof compiled_with / sizeof compiled_with[0]; i++) {
		size_t n = strlen(compiled_with[i]) + 1;
		const char *sep = " ";

		if (col + n > width) {
			fputs("\n\t\t", out);
			col = 0;
			width = WRAP_NEXT;
			sep = "";
		}
		fprintf(out, "%s%s", sep, compiled_with[i]);
		col += n;
	}
	putc('\n', out);
}

/* A macro's value for the identity block ("" when undefined). */
static const char *value(const struct rt *rt, const char *name)
{
	const char *v = macro_get(rt->macros, name);

	return v ? v : "";
}

/* Collect the "[address]" words of a class, NUL-separated. */
static void collect_literal(void *ctx, const char *word)
{
	unsigned char a[16];
	const char *end;
	int af;

	/* "[name]" entries are no address */
	if (host_literal(word, a, &af, &end) == 0 && *end == '\0')
		str_appendn(ctx, word, strlen(word) + 1);
}

/* "a.k.a." for each interface address in class w and its host name,
 * as sendmail's interface probe prints them (with bare, the address
 * alone first: -d0.20). */
static void print_aliases(struct rt *rt, FILE *out, int bare)
{
	struct str names = STR_INIT;

	cls_each(rt->cls, cls_id(rt->cls, "w", 0), collect_literal, &names);
	for (const char *p = str_cstr(&names); *p; p += strlen(p) + 1) {
		struct str canon = STR_INIT;

		if (bare)
			fprintf(out, "%.*s\n", (int)strlen(p) - 2, p + 1);
		fprintf(out, "\ta.k.a.: %s\n", p);
		if (host_canon(rt, p, &canon) == RT_OK && canon.len &&
		    canon.s[0] != '[')
			fprintf(out, "\ta.k.a.: %s\n", canon.s);
		str_free(&canon);
	}
	str_free(&names);
}

/* The identity block printed after readcf. */
static void print_identity(const struct rt *rt, FILE *out)
{
	fprintf(out, "\n============ SYSTEM IDENTITY (after readcf) ============\n"
		"      (short domain name) $w = %s\n"
		"  (canonical domain name) $j = %s\n"
		"         (subdomain name) $m = %s\n"
		"              (node name) $k = %s\n"
		"========================================================\n\n",
		value(rt, "w"), value(rt, "j"), value(rt, "m"), value(rt, "k"));
}

/* Category 0 around readcf; see debug.h. */
void debug_startup(struct rt *rt, const unsigned char *levels,
		   const char *cf, const char *readcf)
{
	FILE *out = stdout;

	if (levels[0] >= 1)
		print_version(out);
	if (rt && levels[3] >= 1 && rt->load_average >= 0)
		fprintf(out, "getla(): %.2f\n", rt->load_average);
	if (levels[0] >= 10)
		fputs("     Conf file:\t/etc/mail/sendmail.cf (default for MTA)\n", out);
	if (rt && levels[0] >= 4)
		fprintf(out, "Canonical name: %s\n UUCP nodename: %s\n", rt->host_name,
			value(rt, "k"));
	fputs(readcf, out);
	if (!rt)
		return;
	if (levels[0] >= 4)
		print_aliases(rt, out, levels[0] >= 20);
	if (levels[0] >= 10)
		fprintf(out, "     Conf file:\t%s (selected)\n", cf);
	if (levels[0] >= 1)
		print_identity(rt, out);
	if (levels[0] >= 15)
		btcmd_print_mailers(rt);
}

/* "map_lookup(name, key[, %n=arg...]) => result (status), ad=0"; ad is
 * DNSSEC's authenticated-data bit, which we never have. */
void debug_map_lookup(const struct rt *rt, const char *map,
		      const char *const *args, int nargs, const char *result,
		      int status)
{
	fprintf(rt->out, "map_lookup(%s, %s", map, args[0]);
	for (int i = 0; rt_debug(rt, 60, 5) && i < nargs; i++)
		fprintf(rt->out, ", %%%d=%s", i, args[i]);
	fprintf(rt->out, ") => %s (%d), ad=0\n", result ? result : "NOT FOUND", status);
}
