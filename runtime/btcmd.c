/*
 * btcmd.c - "/" commands and "=M" of sendmail -bt.
 *
 * Entry points: btcmd_slash(), btcmd_print_mailers(), btcmd_scan().
 * "/parse" follows sendmail's parseaddr(): rulesets 3 and 0, then the
 * recipient rewriting of the resolved mailer (2, its R= set, 4) for the
 * user part; "/try" follows remotename(): 3, 1 or 2, the mailer's S= or
 * R= set (envelope or header part), 4. Input is untrusted and bounded by
 * the callers (bt.c) and the engine.
 */
#include "runtime/btcmd.h"
#include "runtime/addr.h"
#include "runtime/mx.h"

#include <ctype.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>

#include "lib/arena.h"
#include "lib/str.h"
#include "runtime/crack.h"
#include "runtime/host.h"
#include "runtime/mailer.h"
#include "runtime/map.h"
#include "runtime/rw.h"

/* /tryflags state: header (else envelope), sender (else recipient). */
struct tryflags {
	int header, sender;
};
static struct tryflags try_flags;

/* Skip blanks. */
static char *blanks(char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* Tokenize -bt input. */
int btcmd_scan(struct rt *rt, const char *s, int delim, struct tokv *ws,
	       const char **end)
{
	return tok_scan(rt->input, s, delim, rt->work, ws, end, rw_tok_error, rt);
}

/* "/map name key". */
static void cmd_map(struct rt *rt, char *arg)
{
	char *name = arg, *key;
	const char *args[1], *r;
	struct rt_map *m;
	int st = RT_OK;

	key = name + strcspn(name, " \t");
	if (name == key) {
		fputs("Usage: /map mapname key\n", rt->out);
		return;
	}
	if (*key)
		*key++ = '\0';
	m = map_find(rt, name);
	if (!m) {
		fprintf(rt->out, "Map named \"%s\" not found\n", name);
		return;
	}
	key = blanks(key);
	if (!*key) {
		fputs("No key specified\n", rt->out);
		return;
	}
	if (map_check_open(rt, m) < 0)
		return;
	fprintf(rt->out, "map_lookup: %s (%s) ", name, key);
	args[0] = key;
	/* sendmail's /map calls the class directly: no -T suffix here */
	r = map_lookup_class(rt, m, arena_strdup(rt->work, key), args, 1, &st);
	if (r)
		fprintf(rt->out, "returns %s (%d)\n", r, st);
	else
		fprintf(rt->out, "no match (%d)\n", st);
}

/* "/canon host". */
static void cmd_canon(struct rt *rt, char *arg)
{
	struct str s = STR_INIT;

	if (!*arg) {
		fputs("Usage: /canon address\n", rt->out);
		return;
	}
	if (arg[0] != '[' && host_canon(rt, arg, &s) == RT_OK)	/* no literals */
		fprintf(rt->out, "getcanonname(%s) returns %s\n", arg, s.s);
	else
		fprintf(rt->out, "getcanonname(%s) returns %s\n", arg, arg);
	str_free(&s);
}

/* "/mx host": the MX hosts by preference (DNS only, as sendmail). */
static void cmd_mx(struct rt *rt, char *arg)
{
	if (!*arg) {
		fputs("Usage: /mx address\n", rt->out);
		return;
	}
	mx_report(rt, arg);
}

/* "/tryflags [HhEe][SsRr]". */
static void cmd_tryflags(struct rt *rt, char *arg)
{
	if (!*arg) {
		fputs("Usage: /tryflags [Hh|Ee][Ss|Rr]\n", rt->out);
		return;
	}
	for (; *arg; arg++) {
		switch (*arg) {
		case 'H': case 'h': try_flags.header = 1; break;
		case 'E': case 'e': try_flags.header = 0; break;
		case 'S': case 's': try_flags.sender = 1; break;
		case 'R': case 'r': try_flags.sender = 0; break;
		default: break;
		}
	}
}

/* "/try mailer address". */
static void cmd_try(struct rt *rt, char *arg)
{
	char *addr = arg + strcspn(arg, " \t");
	const struct ir_mailer *m;
	struct tokv ws = TOKV_INIT;
	struct str out = STR_INIT, fancy = STR_INIT, full = STR_INIT;
	const char *end;
	int st;

	if (*addr)
		*addr++ = '\0';
	addr = blanks(addr);
	if (!*arg || !*addr) {
		fputs("Usage: /try mailer address\n", rt->out);
		return;
	}
	m = cf_mailer(rt->cf, arg);
	if (!m) {
		fprintf(rt->out, "Unknown mailer %s\n", arg);
		return;
	}
	fprintf(rt->out, "Trying %s %s address %s for mailer %s\n",
		try_flags.header ? "header" : "envelope",
		try_flags.sender ? "sender" : "recipient", addr, arg);
	int sets[4] = { 3, try_flags.sender ? 1 : 2,
			addr_mailer_set(rt, m, try_flags.sender ? 'S' : 'R', try_flags.header), 4 };

	if (tok_scan(&rt->ext, addr, 0, rt->work, &ws, &end, rw_tok_error, rt) < 0) {
		/* remotename() gives the address back as it came */
		fprintf(rt->out, "Rcode = 0, addr = %s\n", addr);
		tokv_free(&ws);
		return;
	}
	st = RT_OK;
	for (int i = 0; i < 4 && (st == RT_OK || st == RT_TEMPFAIL); i++) {
		int s = addr_run_set(rt, &ws, sets[i]);

		if (s != RT_OK)	/* a temporary failure goes on, as remotename() */
			st = s;
	}
	rw_join(rt, ws.v, ws.n, rt->blanksub, &out);
	if (!m->flags || !strchr(m->flags, 'c'))	/* F=c: no comments */
		crack_addr(addr, &fancy);
	else
		str_append(&fancy, "$g");
	crack_expand(str_cstr(&fancy), str_cstr(&out), &full);
	fprintf(rt->out, "Rcode = %d, addr = %s\n", st, str_cstr(&full));
	str_free(&out);
	str_free(&fancy);
	str_free(&full);
	tokv_free(&ws);
}

/* The exit status an error mailer's host part names ("nouser"), or 0. */
static int exit_code(const char *host)
{
	static const struct { const char *name; int code; } codes[] = {
		{ "usage", 64 }, { "nouser", 67 }, { "nohost", 68 },
		{ "unavailable", 69 }, { "software", 70 }, { "tempfail", 75 },
		{ "protocol", 76 }, { "config", 78 },
	};

	for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
		if (strcasecmp(host, codes[i].name) == 0)
			return codes[i].code;
	return 0;
}

/* The $#error path of /parse: print the message as usrerr() does. */
static void parse_error(struct rt *rt, const char *addr, const char *host,
			const char *user)
{
	char *msg = arena_strdup(rt->work, user), *p = msg, *q = msg;

	for (; *p; p++)
		if (*p != '"')
			*q++ = *p;
	*q = '\0';
	p = msg;
	if (isdigit((unsigned char)p[0]) && isdigit((unsigned char)p[1]) &&
	    isdigit((unsigned char)p[2]) && (p[3] == ' ' || p[3] == '-')) {
		p += 4;
		if (isdigit((unsigned char)p[0]) && p[1] == '.') {
			p += strcspn(p, " ");
			p = blanks(p);
		}
	}
	rw_tok_error(rt, addr, p);
	fprintf(rt->out, "mailer *error*, host %s, user %s\n", host, user);
	/* a named status, else usrerr()'s */
	rt_fail(rt, exit_code(host) ? exit_code(host) :
		    p[0] == '4' || msg[0] == '4' ? RT_TEMPFAIL : RT_USAGE);
}

/* buildaddr() on a result without "$#": sendmail's syserr(). */
static void parse_no_mailer(struct rt *rt)
{
	fputs("buildaddr: no mailer in parsed address\nmailer *error*, user \n", rt->out);
	rt_fail(rt, RT_SOFTWARE);
}

/* Print what addr_resolve() made of addr, as sendmail's /parse does. */
static void parse_print(struct rt *rt, const char *addr, struct addr_parsed *pa)
{
	switch (pa->kind) {
	case ADDR_NONE:
		break;
	case ADDR_NOMAILER:
		parse_no_mailer(rt);
		break;
	case ADDR_ERROR:
		parse_error(rt, addr, str_cstr(&pa->host), str_cstr(&pa->user));
		break;
	case ADDR_UNKNOWN:
		fprintf(rt->out, "%s... unknown mailer %s\n", addr, pa->mailer);
		break;
	case ADDR_MAILER:
		if (pa->queueup)
			rw_tok_error(rt, addr, "Transient parse error -- message queued for future delivery");
		fprintf(rt->out, "mailer %s, ", pa->mailer);
		if (pa->host.len)
			fprintf(rt->out, "host %s, ", pa->host.s);
		fprintf(rt->out, "user %s\n", str_cstr(&pa->user));
		break;
	}
}

/* "/parse address". */
static void cmd_parse(struct rt *rt, char *arg)
{
	struct addr_parsed pa = ADDR_PARSED_INIT;
	struct str fancy = STR_INIT;

	if (!*arg) {
		fputs("Usage: /parse address\n", rt->out);
		return;
	}
	crack_addr(arg, &fancy);
	fputs("Cracked address = ", rt->out);
	rw_put_token(rt->out, str_cstr(&fancy));
	fprintf(rt->out, "\nParsing %s %s address\n",
		try_flags.header ? "header" : "envelope",
		try_flags.sender ? "sender" : "recipient");
	str_free(&fancy);
	if (addr_resolve(rt, arg, 0, &pa) < 0)
		fputs("Cannot parse\n", rt->out);
	else
		parse_print(rt, arg, &pa);
	addr_parsed_free(&pa);
}

/* Print one mailer field value with xputs() escaping. */
static void put_value(FILE *out, const char *v)
{
	for (; *v; v++) {
		if (*v == '\n')
			fputs("\\n", out);
		else if (*v == '\r')
			fputs("\\r", out);
		else
			putc(*v, out);
	}
}

/* The S= or R= rulesets of m, "env/hdr" by name. */
static void put_sets(struct rt *rt, const struct ir_mailer *m, char field)
{
	char b1[16], b2[16];

	fprintf(rt->out, " %c=%s/%s", field,
		rt_set_name(rt, addr_mailer_set(rt, m, field, 0), b1, sizeof b1),
		rt_set_name(rt, addr_mailer_set(rt, m, field, 1), b2, sizeof b2));
}

/* One mailer in printmailer() format. */
static void print_mailer(struct rt *rt, int no, const struct ir_mailer *m)
{
	const char *f = m->flags ? m->flags : "", *v;
	const char *t = ir_field_get(m->fields, m->nfields, 'T');
	char types[3][128] = { "<undefined>", "<undefined>", "<undefined>" };
	const char *what, *who;
	long uid, gid;

	fprintf(rt->out, "mailer %d (%s): P=%s", no, m->name, m->path ? m->path : "");
	put_sets(rt, m, 'S');
	put_sets(rt, m, 'R');
	v = ir_field_get(m->fields, m->nfields, 'M');
	mailer_ugid(m, &uid, &gid, &what, &who);
	fprintf(rt->out, " M=%s U=%ld:%ld F=", v ? v : "0", uid, gid);
	for (int c = 1; c < 128; c++)	/* sorted; prog never takes several users */
		if (strchr(f, c) && !(c == 'm' && strcmp(m->name, "prog") == 0))
			putc(c, rt->out);
	v = ir_field_get(m->fields, m->nfields, 'L');
	fprintf(rt->out, " L=%s E=", v ? v : strchr(f, 'L') ? "990" : "0");
	v = ir_field_get(m->fields, m->nfields, 'E');
	/* a mailer whose argv has no $u speaks SMTP: CRLF by default */
	put_value(rt->out, v ? v : m->argv && strstr(m->argv, "$u") ? "\n" : "\r\n");
	v = ir_field_get(m->fields, m->nfields, 'C');
	if (v)
		fprintf(rt->out, " C=%s", v);
	if (t && *t) {		/* a T= given: the address and diagnostic */
		strcpy(types[1], "rfc822");	/* types default as in makemailer */
		strcpy(types[2], "smtp");
	}
	for (int i = 0; t && *t && i < 3; i++) {
		size_t n = strcspn(t, "/");

		if (n)
			snprintf(types[i], sizeof types[i], "%.*s", (int)n, t);
		t += n + (t[n] == '/');
	}
	v = ir_field_get(m->fields, m->nfields, 'r');
	fprintf(rt->out, " T=%s/%s/%s r=%s A=", types[0], types[1], types[2],
		v ? v : "100");
	put_value(rt->out, m->argv ? m->argv : "");
	putc('\n', rt->out);
}

/* "=M": built-ins first, each replaced by a mailer of the same name. */
void btcmd_print_mailers(struct rt *rt)
{
	static const char *const builtin[] = { "prog", "*file*", "*include*" };
	const struct cf *cf = rt->cf;
	int no = 0;

	for (size_t i = 0; i < 3; i++)
		print_mailer(rt, no++, mailer_find(rt, builtin[i]));
	for (size_t i = 0; i < cf->nmailers; i++) {
		const char *n = cf->mailers[i].name;

		if (strcmp(n, "prog") && strcmp(n, "*file*") && strcmp(n, "*include*"))
			print_mailer(rt, no++, &cf->mailers[i]);
	}
}

/* The "/" commands. */
static const struct {
	const char *name;
	void (*run)(struct rt *rt, char *arg);
} slash_cmds[] = {
	{ "tryflags", cmd_tryflags }, { "try", cmd_try },
	{ "parse", cmd_parse },	{ "canon", cmd_canon },
	{ "mx", cmd_mx },	{ "map", cmd_map },
};

/* Dispatch a "/" command. */
int btcmd_slash(struct rt *rt, char *line)
{
	size_t n = strcspn(line + 1, " \t");
	char *arg = blanks(line + 1 + n);

	if (n == 4 && strncmp(line + 1, "quit", 4) == 0)
		return 1;
	for (size_t i = 0; i < sizeof slash_cmds / sizeof slash_cmds[0]; i++) {
		if (strlen(slash_cmds[i].name) == n &&
		    strncmp(line + 1, slash_cmds[i].name, n) == 0) {
			slash_cmds[i].run(rt, arg);
			return 0;
		}
	}
	fprintf(rt->out, "Unknown \"/\" command %s\n", line);
	return 0;
}
