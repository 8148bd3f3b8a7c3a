/*
 * bt.c - address test mode: one command per line, answered as sendmail.
 *
 * Entry points: bt_run() (banner, prompts, read loop), bt_line() (one
 * command, dispatched on its first byte; "/" commands come from a table),
 * bt_debug(). Input is untrusted: lines are bounded by LIMIT_BT_LINE,
 * addresses by LIMIT_BT_ADDR, tokens and rewriting by the engine's own
 * limits. Output formats are sendmail 8.17's, byte for byte, as observed
 * with the real binary (see tests/runtime/compat-bt.test).
 */
#include "runtime/bt.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "lib/arena.h"
#include "lib/limits.h"
#include "lib/str.h"
#include "runtime/btcmd.h"
#include "runtime/cls.h"
#include "runtime/debug.h"
#include "runtime/macro.h"
#include "runtime/rw.h"

/* Skip blanks. */
static char *skip_blanks(char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* Apply a -d specification (debug.h). */
void bt_debug(struct rt *rt, const char *spec)
{
	debug_set(rt->debug, spec);
}

/* Parse a macro or class name at *pp as sendmail's macid() does: one
 * character, or "{name}" of letters, digits and '_' (other bytes are
 * skipped with a complaint; "{x}" is "x"). 1 with the name in name
 * (LIMIT_MACRO_NAME + 1 bytes; "" when every byte was skipped); 0 when
 * there is none; -1 after saying why the name cannot be used. Each
 * complaint is an error (exit status 70), as sendmail's syserr(). */
static int macid(struct rt *rt, const char **pp, char *name)
{
	const char *p = *pp;
	size_t n = 0, skipped = 0;

	if (*p != '{') {
		name[0] = *p;
		name[1] = '\0';
		*pp = p + (*p != '\0');
		return *p != '\0';
	}
	for (p++; *p && *p != '}' && n <= LIMIT_MACRO_NAME; p++) {
		unsigned char c = (unsigned char)*p;

		if (!isascii(c) || (!isalnum(c) && c != '_')) {
			fprintf(rt->out, "Invalid macro/class character %c\n", c & 0x7f);
			rt_fail(rt, RT_SOFTWARE);	/* a syserr() */
			skipped++;
		} else if (n++ < LIMIT_MACRO_NAME) {
			name[n - 1] = (char)c;
		}
	}
	name[n < LIMIT_MACRO_NAME ? n : LIMIT_MACRO_NAME] = '\0';
	if (n > LIMIT_MACRO_NAME)	/* seen first, braces closed or not */
		fprintf(rt->out, "Macro/class name ({%s}) too long (%d chars max)\n",
			name, LIMIT_MACRO_NAME);
	else if (*p != '}')
		fprintf(rt->out, "Unbalanced { on %s\n", name);
	if (*p != '}' || n > LIMIT_MACRO_NAME) {
		fputs("Unable to assign macro/class ID (mid = 0xffffffff)\n", rt->out);
		rt_fail(rt, RT_SOFTWARE);
		return -1;
	}
	*pp = p + 1;
	return n > 0 || skipped > 0;	/* "{ }" names nothing usable */
}

/* sendmail's complaint when a command names no macro or class. */
static void name_required(struct rt *rt)
{
	fputs("Name required for macro/class\n", rt->out);
	rt_fail(rt, RT_SOFTWARE);
}

/* ".Dx value" and ".Cc words". */
static void cmd_dot(struct rt *rt, char *line)
{
	char name[LIMIT_MACRO_NAME + 1];
	const char *p = line + 2;
	int r;

	if (line[1] != 'D' && line[1] != 'C') {
		fprintf(rt->out, "Unknown \".\" command %s\n", line);
		return;
	}
	if (line[1] == 'C' && line[2] == '\0')
		return;		/* sendmail ignores a bare ".C" */
	r = macid(rt, &p, name);
	if (r == 0)
		name_required(rt);
	if (r <= 0)
		return;
	if (line[1] == 'D') {
		char *v = (char *)p;
		size_t n = strlen(v);

		while (n > 1 && (v[n - 1] == ' ' || v[n - 1] == '\t'))
			v[--n] = '\0';	/* ".Dx  " is " ", as in sendmail */
		macro_set(rt->macros, name, v);
		return;
	}
	{
		struct str s = STR_INIT;
		int id = cls_id(rt->cls, name, 1);
		char *save = NULL, *w;

		macro_expand(rt->macros, p, &s);
		for (w = s.s ? strtok_r(s.s, " \t\n", &save) : NULL; w; w = strtok_r(NULL, " \t\n", &save))
			cls_add(rt->cls, id, w);
		str_free(&s);
	}
}

/* Print one class member on its own line. */
static void print_member(void *ctx, const char *word)
{
	fprintf(ctx, "%s\n", word);
}

/* "$x" (macro value) and "$=c" (class members). */
static void cmd_dollar(struct rt *rt, char *line)
{
	char name[LIMIT_MACRO_NAME + 1];
	const char *p = line + 1;
	int cls = *p == '=', r;
	const char *v;

	p += cls;
	r = macid(rt, &p, name);
	if (r == 0)
		name_required(rt);
	if (r <= 0)
		return;
	if (cls) {
		cls_each(rt->cls, cls_id(rt->cls, name, 0), print_member, rt->out);
		return;
	}
	v = macro_get(rt->macros, name);
	if (!v) {
		fputs("Undefined\n", rt->out);
		return;
	}
	rw_put_token(rt->out, v);
	putc('\n', rt->out);
}

/* "=Sruleset" and "=M". */
static void cmd_equal(struct rt *rt, char *line)
{
	if (line[1] == 'M') {
		btcmd_print_mailers(rt);
		return;
	}
	if (line[1] != 'S') {
		fprintf(rt->out, "Unknown \"=\" command %s\n", line);
		return;
	}
	char *name = skip_blanks(line + 2);
	int set;

	if (*name == '\0')
		fputs("invalid ruleset name: \"\"\n", rt->out);
	set = rt_set_lookup(rt, name);
	if (set < 0) {
		fprintf(rt->out, "Undefined ruleset %s\n", name);
		return;
	}
	for (size_t i = 0; i < rt->sets[set].nrules; i++) {
		const struct rw_rule *r = &rt->sets[set].rules[i];

		putc('R', rt->out);
		rw_print_pats(rt->out, r->lhs, r->nlhs, 0);
		fputs("\t\t", rt->out);
		rw_print_pats(rt->out, r->rhs, r->nrhs, 0);
		putc('\n', rt->out);
	}
}

/* Parse the ruleset at *p of a "rs,rs" list: its number or -1. */
static int list_set(struct rt *rt, const char *p)
{
	char name[LIMIT_RULESET_NAME];
	size_t n = strcspn(p, ",");

	if (n >= sizeof name)
		n = sizeof name - 1;
	memcpy(name, p, n);
	name[n] = '\0';
	if (isdigit((unsigned char)name[0])) {
		long v = strtol(name, NULL, 10);

		if (v >= LIMIT_RULESET_NUMBERED) {
			fprintf(rt->out, "bad ruleset %ld (%d max)\n", v,
				LIMIT_RULESET_NUMBERED);
			return -1;
		}
		return (int)v;
	}
	return rt_set_lookup(rt, name);
}

/* Run the listed rulesets over one tokenized address. */
static void run_list(struct rt *rt, const char *list, struct tokv *ws)
{
	for (const char *p = list; *p;) {
		int set = list_set(rt, p), st;

		if (set < 0) {
			fprintf(rt->out, "Undefined ruleset %s\n", p);
			return;
		}
		st = rw_rewrite(rt, ws, set, 0, LIMIT_TOKENS);
		if (st != RT_OK)
			fprintf(rt->out, "== Ruleset %s (%d) status %d\n", p, set, st);
		while (*p && *p++ != ',')
			;
	}
}

/* 1 (after complaining) if addr holds a byte sendmail treats as meta. */
static int bad_8bit(struct rt *rt, const char *addr)
{
	const unsigned char *p;

	for (p = (const unsigned char *)addr; *p; p++)
		if (*p >= 0x80 && *p < 0xa0)
			break;
	if (!*p)
		return 0;
	rt_fail(rt, RT_USAGE);	/* a usrerr() */
	fputs("8-bit character in mailbox address \"", rt->out);
	for (p = (const unsigned char *)addr; *p; p++) {
		int c = *p & 0x7f;

		putc(isprint(c) ? c : '?', rt->out);
	}
	fputs("\"\n", rt->out);
	return 1;
}

/* "rs[,rs...] addr[,addr...]". */
static void cmd_rewrite(struct rt *rt, char *line)
{
	char *p = line, *addr;

	while (*p && *p != ' ' && *p != '\t')
		p++;
	if (*p == '\0') {
		fputs("No address!\n", rt->out);
		return;
	}
	*p = '\0';
	addr = skip_blanks(p + 1);
	if (strlen(addr) > LIMIT_BT_ADDR) {
		fprintf(rt->out, "Address \"%.*s\" too long (%d bytes max)\n",
			LIMIT_BT_ADDR, addr, LIMIT_BT_ADDR);
		return;
	}
	if (bad_8bit(rt, addr))
		return;
	for (;;) {
		struct tokv ws = TOKV_INIT;
		const char *end;

		if (btcmd_scan(rt, addr, ',', &ws, &end) == 0 && ws.n > 0)
			run_list(rt, line, &ws);
		tokv_free(&ws);
		if (*end == '\0')
			break;
		addr = (char *)end + 1;
	}
}

/* Run one command line; see bt.h. */
int bt_line(struct rt *rt, char *line)
{
	size_t n;

	line = skip_blanks(line);
	n = strlen(line);
	/* trailing blanks are ignored, but for "$ " (macro ' ') and in
	 * ".D" values, which keep their first character (cmd_dot) */
	while (line[0] != '$' && strncmp(line, ".D", 2) != 0 && n > 0 &&
	       (line[n - 1] == ' ' || line[n - 1] == '\t'))
		line[--n] = '\0';
	arena_reset(rt->work);
	switch (line[0]) {
	case '\0':
	case '#':
		return 0;
	case '?':
		fputs("Sendmail " RT_VERSION " -- HELP not implemented\n", rt->out);
		return 0;
	case '.':
		cmd_dot(rt, line);
		return 0;
	case '=':
		cmd_equal(rt, line);
		return 0;
	case '-':
		if (line[1] == 'd')
			bt_debug(rt, line + 2);
		return 0;
	case '$':
		cmd_dollar(rt, line);
		return 0;
	case '/':
		return btcmd_slash(rt, line);
	default:
		cmd_rewrite(rt, line);
		return 0;
	}
}

/* Read pieces of at most LIMIT_BT_LINE - 1 bytes, like fgets(). */
int bt_run(struct rt *rt, FILE *in)
{
	char buf[LIMIT_BT_LINE];

	rt->trace = 1;
	if (rt->switch_warn == 0)	/* start-up is over (safefile.h) */
		rt->switch_warn = 1;
	fputs("ADDRESS TEST MODE (ruleset 3 NOT automatically invoked)\n"
	      "Enter <ruleset> <address>\n", rt->out);
	for (;;) {
		fputs("> ", rt->out);
		fflush(rt->out);
		if (!fgets(buf, sizeof buf, in))
			break;
		buf[strcspn(buf, "\n")] = '\0';
		if (bt_line(rt, buf))
			break;
	}
	if (rt_debug(rt, 2, 1)) {
		const struct ir_option *o = cf_option(rt->cf, "OldStyleHeaders");

		fprintf(rt->out, "\n====finis: stat %d e_id=NOQUEUE e_flags=%s\n", rt->exitstat,
			o && o->ival ? "4001<OLDSTYLE,METOO>" : "4000<METOO>");
	}
	fflush(rt->out);
	return rt->exitstat;
}
