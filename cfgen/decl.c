/*
 * decl.c - declaration lines: O (options), K (maps), M (mailers),
 * Q (queue groups) and X (milters) (op.txt 5.6, 5.7, 5.11, 5.12, 5.14).
 *
 * Option names are matched as sendmail does (options.h): exact, else an
 * unambiguous prefix (warning), else ambiguous or unknown (error); values
 * are typed and checked. K lines are macro-expanded when read; map files of
 * file-based classes are checked for existence (under opts.root) unless
 * opts.no_files. Mailer, queue group and milter fields go through mailer.c.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <stdlib.h>
#include <unistd.h>

#include "cfgen/mailer.h"
#include "cfgen/options.h"
#include "cfgen/parse_private.h"
#include "lib/arena.h"
#include "lib/str.h"
#include "maps/mapdb.h"

static const char *const map_classes[] = {
	"implicit", "hash", "btree", "dbm", "cdb", "text", "sequence", "switch",
	"dequote", "host", "arith", "macro", "regex", "user", "stab", "null",
	"syslog", "dns", "bestmx", "arpa", "program", "socket", "ldap", "nis",
	"nisplus", "hesiod", "netinfo", "ph", "nsd", "userdb", "mdb", "bogus",
};

static const char *const milter_subs[] = {
	"LogLevel", "macros.connect", "macros.helo", "macros.envfrom",
	"macros.envrcpt", "macros.data", "macros.eoh", "macros.eom",
};

/* Check the ".sub" part of a Timeout/Milter option name. */
static int check_sub(struct parser *p, const struct option_def *def, const char *sub,
		     size_t off)
{
	if (*sub == '\0')
		return 0;
	if (!def->has_sub) {
		parse_report(p, DIAG_ERROR, off, "CF006", "option %s takes no sub-option '%s'",
			     def->name, sub);
		return -1;
	}
	if (strcmp(def->name, "Timeout") == 0 && options_timeout_known(sub) < 0) {
		parse_report(p, DIAG_ERROR, off, "CF006", "unknown timeout 'Timeout.%s'", sub);
		return -1;
	}
	if (strcmp(def->name, "Milter") == 0) {
		size_t k = 0;
		while (k < sizeof milter_subs / sizeof *milter_subs &&
		       strcasecmp(milter_subs[k], sub))
			k++;
		if (k == sizeof milter_subs / sizeof *milter_subs) {
			parse_report(p, DIAG_ERROR, off, "CF006", "unknown option 'Milter.%s'",
				     sub);
			return -1;
		}
	}
	return 0;
}

/* Find the long option at text[off..off+n) ("Name" or "Name.sub"). */
static const struct option_def *long_name(struct parser *p, const char *text, size_t off,
					  size_t n)
{
	const struct option_def *def = NULL, *other = NULL;
	size_t base = strcspn(text + off, ".");

	if (base > n)
		base = n;
	switch (options_lookup(text + off, base, &def, &other)) {
	case OPT_FOUND:
		return def;
	case OPT_ABBREV:
		parse_report(p, DIAG_WARNING, off, "CF006",
			     "option %.*s used as abbreviation for %s", (int)base, text + off,
			     def->name);
		return def;
	case OPT_AMBIGUOUS:
		parse_report(p, DIAG_ERROR, off, "CF006",
			     "ambiguous option name %.*s (matches %s and %s)", (int)base,
			     text + off, def->name, other->name);
		return NULL;
	case OPT_UNKNOWN:
		break;
	}
	parse_report(p, DIAG_ERROR, off, "CF006", "unknown option name %.*s", (int)n,
		     text + off);
	parse_reject(p, IR_REJECT_OPTION, text + off, n, NULL);
	return NULL;
}

/* Record option def = value; checks the value's type. */
static void set_option(struct parser *p, const struct option_def *def, const char *sub,
		       const char *value, size_t voff)
{
	struct ir_option o = { def->name, NULL, def->type, 0, parse_pos(p, 0) };
	const char *bad_item = NULL, *want;
	struct cf *cf = p->cf;

	if (*sub) {
		struct str s = STR_INIT;
		str_printf(&s, "%s.%s", def->name, sub);
		o.name = arena_strdup(p->a, str_cstr(&s));
		str_free(&s);
	}
	o.value = arena_strdup(p->a, value);
	want = def->has_sub && *sub == '\0' ? NULL
		: options_check_value(def, value, &o.ival, &bad_item);
	if (want && bad_item)
		parse_report(p, DIAG_ERROR, voff, "CF006",
			     "option %s: unknown value '%s' (expected %s)", o.name, bad_item,
			     want);
	else if (want)
		parse_report(p, DIAG_ERROR, voff, "CF006",
			     "option %s: bad value '%s' (expected %s)", o.name, value, want);
	if (strcmp(def->name, "OperatorChars") == 0) {
		if (p->first_rule.line)
			parse_report(p, DIAG_ERROR, 0, "CF007",
				     "OperatorChars set after the first rule (line %u): rules "
				     "already read keep the old operators",
				     p->first_rule.line);
		cf->operators = o.value;
		dollar_ops_init(&p->ops, o.value, p->seen_v ? cf->level : 10);
	}
	cf->options = parse_grow(p, cf->options, cf->noptions, &p->cap_options,
				 sizeof *cf->options);
	cf->options[cf->noptions++] = o;
}

/* "O Name=value", "O Name.sub=value", or the old "O<c><value>". */
void decl_o_line(struct parser *p, const char *text)
{
	const struct option_def *def;
	size_t off, n, voff;
	char sub[128] = "";

	if (text[1] == '\0') {
		parse_report(p, DIAG_ERROR, 0, "CF006", "O line without an option name");
		return;
	}
	if (text[1] != ' ' && text[1] != '\t') {
		if (text[1] == 'M' && text[2]) {	/* "OMxvalue": define macro x */
			parse_define(p, arena_strndup(p->a, text + 2, 1),
				     arena_strdup(p->a, text + 3), parse_pos(p, 0));
			return;
		}
		if ((def = text[1] ? options_by_letter(text[1]) : NULL) == NULL) {
			parse_report(p, DIAG_ERROR, 1, "CF006", "unknown option letter '%c'",
				     text[1] ? text[1] : ' ');
			return;
		}
		set_option(p, def, "", text + 2, 2);
		return;
	}
	off = 1 + strspn(text + 1, " \t");
	n = strcspn(text + off, "= \t");
	if (n == 0) {
		parse_report(p, DIAG_ERROR, off, "CF006", "O line without an option name");
		return;
	}
	if ((def = long_name(p, text, off, n)) == NULL)
		return;
	if (memchr(text + off, '.', n)) {
		size_t dot = strcspn(text + off, ".");
		snprintf(sub, sizeof sub, "%.*s", (int)(n - dot - 1), text + off + dot + 1);
	}
	if (check_sub(p, def, sub, off) < 0)
		return;
	voff = off + n + strspn(text + off + n, " \t");
	if (text[voff] == '=')
		voff += 1 + strspn(text + voff + 1, " \t");
	set_option(p, def, sub, text + voff, voff);
}

/* Whether the map class stores its data in a file named by the K line. */
static int file_class(const char *mclass)
{
	return strcmp(mclass, "hash") == 0 || strcmp(mclass, "btree") == 0 ||
	       strcmp(mclass, "implicit") == 0 || strcmp(mclass, "cdb") == 0 ||
	       strcmp(mclass, "dbm") == 0 || strcmp(mclass, "text") == 0;
}

/* Split "[-flag ...] args" of a K line into m's flags and args. */
static void map_flags(struct parser *p, struct ir_map *m, const char *s)
{
	size_t cap = 0;

	for (;;) {
		s += strspn(s, " \t\n");
		if (*s != '-')
			break;
		size_t n = strcspn(s, " \t\n");
		/* "-R A" style: dns and ldap flags may take a separate word */
		if (n == 2 && (strcmp(m->mclass, "dns") == 0 || strcmp(m->mclass, "ldap") == 0)
		    && s[n] && s[n + 1 + strspn(s + n + 1, " \t")] != '-')
			n += strspn(s + n, " \t") + strcspn(s + n + strspn(s + n, " \t"),
							      " \t\n");
		m->flags = parse_grow(p, m->flags, m->nflags, &cap, sizeof *m->flags);
		m->flags[m->nflags++] = arena_strndup(p->a, s, n);
		if (n == 2 && s[1] == 'o')
			m->optional = 1;
		s += n;
	}
	m->args = arena_strdup(p->a, s);
	if (file_class(m->mclass) && *s)
		m->file = arena_strndup(p->a, s, strcspn(s, " \t\n"));
}

/* CF011 for maps: the database file of a file-based map must exist. */
static void map_file_check(struct parser *p, const struct ir_map *m)
{
	struct str full = STR_INIT;
	char *name;

	if (p->opts.no_files || m->file == NULL || m->optional)
		return;	/* -o: a missing file is an empty map, by design */
	name = strcmp(m->mclass, "text") == 0 ? strdup(m->file)
						: mapdb_filename(m->file, m->mclass);
	if (name == NULL)
		return;
	if (p->opts.root && *p->opts.root)
		str_append(&full, p->opts.root);
	str_append(&full, name);
	if (access(str_cstr(&full), R_OK) != 0)
		parse_report(p, DIAG_ERROR, 0, "CF011",
			     "map %s: cannot read %s%s%s (build it with makemap, or mark the "
			     "map optional with -o)", m->name, name,
			     p->opts.root && *p->opts.root ? " under " : "",
			     p->opts.root && *p->opts.root ? p->opts.root : "");
	free(name);
	str_free(&full);
}

/* text, with a '$' that ends it doubled: sendmail keeps a '$' at the end
 * of a K line as itself (a regex anchor, "Kx regex ^a+$"). */
static const char *k_line_text(struct parser *p, const char *text)
{
	size_t n = strlen(text), d = 0;
	struct str s = STR_INIT;
	const char *r;

	while (d < n && text[n - 1 - d] == '$')
		d++;
	if (d % 2 == 0)
		return text;
	str_append(&s, text);
	str_appendc(&s, '$');
	r = arena_strdup(p->a, str_cstr(&s));
	str_free(&s);
	return r;
}

/* "K<name> <class> [-flags] <args>" (op.txt 5.14). */
void decl_k_line(struct parser *p, const char *text)
{
	struct dollar_ctx cx = parse_ctx(p);
	char *s = dollar_expand_text(&cx, k_line_text(p, text) + 1, 2, parse_macro_value, p),
	     *start = s;
	struct ir_map m = { 0 };
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
			  "0123456789_.-"), k;
	struct cf *cf = p->cf;

	m.pos = parse_pos(p, 0);
	if (n == 0) {
		parse_report(p, DIAG_ERROR, 1, "CF000", "K line: no map name");
		return;
	}
	m.name = arena_strndup(p->a, s, n);
	s += n + strspn(s + n, " \t\n");
	n = strcspn(s, " \t\n");
	if (n == 0) {
		parse_report(p, DIAG_ERROR, 1, "CF000", "K line, map %s: no map class", m.name);
		return;
	}
	m.mclass = arena_strndup(p->a, s, n);
	for (k = 0; k < sizeof map_classes / sizeof *map_classes; k++)
		if (strcmp(map_classes[k], m.mclass) == 0)
			break;
	if (k == sizeof map_classes / sizeof *map_classes) {
		parse_report(p, DIAG_ERROR, 1 + (size_t)(s - start), "CF000",
			     "map %s: class %s not available", m.name, m.mclass);
		parse_reject(p, IR_REJECT_MAPCLASS, m.name, strlen(m.name), m.mclass);
		return;
	}
	map_flags(p, &m, s + n);
	map_file_check(p, &m);
	cf->maps = parse_grow(p, cf->maps, cf->nmaps, &p->cap_maps, sizeof *cf->maps);
	cf->maps[cf->nmaps++] = m;
}

/* "M<name>, P=..., F=..., ..." (op.txt 5.7). */
void decl_m_line(struct parser *p, const char *text)
{
	struct dollar_ctx cx = parse_ctx(p);
	struct ir_mailer m = { 0 };
	struct cf *cf = p->cf;

	m.pos = parse_pos(p, 0);
	if (mailer_parse(&cx, text + 1, 2, "mailer", mailer_letters, &m.name, &m.fields,
			 &m.nfields) < 0)
		return;
	m.path = ir_field_get(m.fields, m.nfields, 'P');
	m.flags = ir_field_get(m.fields, m.nfields, 'F');
	m.argv = ir_field_get(m.fields, m.nfields, 'A');
	for (size_t i = 0; i < cf->nmailers; i++)
		if (strcmp(cf->mailers[i].name, m.name) == 0) {
			cf->mailers[i] = m;	/* a later definition replaces */
			return;
		}
	if (cf->nmailers == LIMIT_MAILERS) {
		parse_report(p, DIAG_ERROR, 0, "CF009", "too many mailers defined (%d max)",
			     LIMIT_MAILERS);
		return;
	}
	cf->mailers = parse_grow(p, cf->mailers, cf->nmailers, &p->cap_mailers,
				 sizeof *cf->mailers);
	cf->mailers[cf->nmailers++] = m;
}

/* Q and X lines: a name and fields. */
static void named_fields(struct parser *p, const char *text, const char *what,
			 const char *letters, struct ir_named_fields **arr, size_t *n,
			 size_t *cap)
{
	struct dollar_ctx cx = parse_ctx(p);
	struct ir_named_fields q = { 0 };

	q.pos = parse_pos(p, 0);
	if (mailer_parse(&cx, text + 1, 2, what, letters, &q.name, &q.fields, &q.nfields) < 0)
		return;
	*arr = parse_grow(p, *arr, *n, cap, sizeof **arr);
	(*arr)[(*n)++] = q;
}

/* "Q<name>, P=..., ..." (op.txt 5.11). */
void decl_q_line(struct parser *p, const char *text)
{
	named_fields(p, text, "queue group", mailer_qgroup_letters, &p->cf->qgroups,
		     &p->cf->nqgroups, &p->cap_qgroups);
}

/* "X<name>, S=..., F=..., T=..." (op.txt 5.12). */
void decl_x_line(struct parser *p, const char *text)
{
	named_fields(p, text, "milter", mailer_milter_letters, &p->cf->milters,
		     &p->cf->nmilters, &p->cap_milters);
}
