/*
 * mclint.c - cfgen lint (see mclint.h): the MC catalog, the order of the
 * passes, and locating the map sources a configuration names.
 */
#include "cfgen/mclint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cfgen/build.h"
#include "cfgen/buildmaps.h"
#include "cfgen/mccheck.h"
#include "cfgen/mcpaths.h"
#include "cfgen/validate.h"
#include "lib/str.h"
#include "lib/xalloc.h"
#include "maps/maplint.h"

const struct diag_rule mclint_rules[] = {
	{ "MC001", DIAG_ERROR, "Unbalanced m4 quote or unclosed macro call" },
	{ "MC002", DIAG_ERROR, "Wrong quote characters ('x', \"x\", typographic quotes)" },
	{ "MC003", DIAG_ERROR, "Macro call on a '#' line still runs" },
	{ "MC004", DIAG_ERROR, "Unknown FEATURE/MAILER/OSTYPE/DOMAIN/HACK" },
	{ "MC005", DIAG_ERROR, "FEATURE after MAILER" },
	{ "MC006", DIAG_ERROR, "OSTYPE missing or twice, MAILER twice, uucp before smtp" },
	{ "MC007", DIAG_WARNING, "Text after a macro call lands in the .cf" },
	{ "MC008", DIAG_ERROR, "define with unquoted commas / excess arguments" },
	{ "MC009", DIAG_WARNING, "Unquoted macro name in define/undefine" },
	{ "MC010", DIAG_ERROR, "Missing prerequisite FEATURE" },
	{ "MC011", DIAG_WARNING, "access_db map spec without -T<TMPF>" },
	{ "MC012", DIAG_ERROR, "host:port in SMART_HOST/MAIL_HUB/LOCAL_RELAY" },
	{ "MC013", DIAG_WARNING, "Relay-widening FEATURE" },
	{ "MC014", DIAG_NOTE, "Loopback-only listeners while receiving for domains" },
	{ "MC015", DIAG_ERROR, "M=a on a port 25 listener" },
	{ "MC016", DIAG_WARNING, "Plaintext AUTH allowed without TLS" },
	{ "MC017", DIAG_WARNING, "Deprecated name" },
	{ "MC018", DIAG_ERROR, "Unresolvable include" },
	{ "MC019", DIAG_ERROR, "Host name is not a fully qualified name or [address]" },
	{ "MC020", DIAG_ERROR, "Raw cf text in LOCAL_CONFIG/LOCAL_RULESETS fails a CF check" },
	{ "M4", DIAG_ERROR, "GNU m4 reported an error" },
	{ "MCLIB", DIAG_ERROR, "The m4 library reported *** ERROR or *** WARNING" },
};
const unsigned mclint_nrules = sizeof mclint_rules / sizeof *mclint_rules;

struct lint {
	const struct cli_opts *o;
	struct diag *d;
	struct mccheck_hits hits;
	char *dir;			/* the input's directory */
};

/* Drop library messages on lines a text check reported already, at the
 * same severity or worse (an error is never hidden behind a warning). */
static int keep_library_msg(void *ctx, const struct srcpos *pos, enum diag_severity sev)
{
	const struct lint *l = ctx;

	return pos->file == NULL || strcmp(pos->file, l->o->file) != 0 ||
	       !mccheck_hit(&l->hits, pos->line, sev);
}

/* Where the source of a configured file is (malloc'd), or NULL;
 * *beside is 1 when it was found next to the input. */
static char *locate(const struct lint *l, const char *path, int *beside)
{
	struct str p = STR_INIT;
	const char *base = strrchr(path, '/');

	*beside = 0;
	str_printf(&p, "%s%s", l->o->parse.root ? l->o->parse.root : "", path);
	if (access(p.s, R_OK) == 0)
		return str_steal(&p);
	str_reset(&p);
	str_printf(&p, "%s/%s", l->dir, base ? base + 1 : path);
	if (access(p.s, R_OK) == 0) {
		*beside = 1;
		return str_steal(&p);
	}
	str_free(&p);
	return NULL;
}

/* Append the words of a local-host-names style file to list. */
static void read_words(const char *file, struct str *list)
{
	FILE *f = fopen(file, "r");
	char line[1024];

	while (f && fgets(line, sizeof line, f)) {
		line[strcspn(line, "#")] = '\0';
		for (char *s = NULL, *w = strtok_r(line, " \t\r\n", &s); w;
		     w = strtok_r(NULL, " \t\r\n", &s))
			str_printf(list, "%s%s", list->len ? "," : "", w);
	}
	if (f)
		fclose(f);
}

/* Lint one map source, if it can be found. */
static void lint_map(const struct lint *l, const char *path, const char *type,
		     const char *kindname, const struct maplint_opts *base)
{
	enum maplint_kind kind;
	struct maplint_opts mo = *base;
	int beside;
	char *src;

	if ((kindname ? maplint_kind_parse(kindname, &kind) : maplint_kind_guess(path, &kind)) < 0)
		return;
	if ((src = locate(l, path, &beside)) == NULL)
		return;
	FILE *in = fopen(src, "r");
	if (in) {
		mo.source = src;
		maplint_run(in, src, kind, type, beside ? NULL : src, &mo, l->d);
		fclose(in);
	}
	free(src);
}

/* The files of class name (F lines): their words appended to words (when
 * not NULL), each linted as a host list (when mo is not NULL). */
static void class_files(const struct cf *cf, const char *name, const struct lint *l,
			struct str *words, const struct maplint_opts *mo)
{
	const struct ir_class *c = cf_class(cf, name);

	for (size_t i = 0; c && i < c->nsources; i++) {
		int beside;
		char *src;
		if (c->sources[i].kind != IR_CLASS_FILE)
			continue;
		if (words && (src = locate(l, c->sources[i].arg, &beside)) != NULL) {
			read_words(src, words);
			free(src);
		}
		if (mo)
			lint_map(l, c->sources[i].arg, NULL, "local-host-names", mo);
	}
}

/* The map checks of every source the configuration names. */
static void lint_maps(const struct lint *l, const struct cf *cf)
{
	struct str domains = STR_INIT, mailers = STR_INIT;
	const struct ir_class *w = cf_class(cf, "w");
	const struct ir_macro *smart = cf_macro(cf, "S");
	const struct ir_option *alias = cf_option(cf, "AliasFile");
	struct maplint_opts mo = { 0 };

	for (size_t i = 0; w && i < w->nmembers; i++)
		str_printf(&domains, "%s%s", domains.len ? "," : "", w->members[i]);
	class_files(cf, "w", l, &domains, NULL);
	for (size_t i = 0; i < cf->nmailers; i++)
		str_printf(&mailers, "%s%s", mailers.len ? "," : "", cf->mailers[i].name);
	mo.local_domains = domains.s;
	mo.mailers = mailers.s;
	mo.smart_host = smart && *smart->value;
	for (size_t i = 0; i < cf->nmaps; i++) {
		char *src = buildmaps_source(&cf->maps[i]);
		if (src)
			lint_map(l, src, cf->maps[i].mclass, NULL, &mo);
		free(src);
	}
	class_files(cf, "w", l, NULL, &mo);
	class_files(cf, "R", l, NULL, &mo);		/* relay-domains */
	if (alias) {
		char *list = xstrdup(alias->value);
		for (char *s = NULL, *e = strtok_r(list, ", \t", &s); e; e = strtok_r(NULL, ", \t", &s)) {
			char *colon = strchr(e, ':');
			lint_map(l, colon && e[0] != '/' ? colon + 1 : e, "hash", "aliases", &mo);
		}
		free(list);
	}
	str_free(&domains);
	str_free(&mailers);
}

/* lint IN.cf: parse, validate, maps. Returns the exit status. */
static int lint_cf(struct lint *l)
{
	struct cf *cf = cf_parse_file(l->o->file, l->d, &l->o->parse);

	if (cf == NULL)
		return 2;
	cf_validate(cf, l->d);
	lint_maps(l, cf);
	cf_free(&cf);
	return diag_failed(l->d) ? 1 : 0;
}

/* lint IN.mc: text checks, generation with mapped CF checks, maps. */
static int lint_mc(struct lint *l)
{
	struct build_gen g = { 0 };
	struct mcsource src;
	char err[512], *libdir = NULL;
	int status;

	if (mcsource_load(&src, l->o->file, err, sizeof err) < 0 ||
	    (libdir = mcpaths_libdir(l->o->libdir, err, sizeof err)) == NULL) {
		diag_report(l->d, DIAG_ERROR, NULL, NULL, "%s", err);
		mcsource_free(&src);
		return 2;
	}
	mccheck_run(&src, libdir, l->d, &l->hits);
	g.filter = keep_library_msg;
	g.filter_ctx = l;
	build_generate(&g, l->o->file, libdir, "sendmail.cf", &l->o->parse, l->d);
	mccheck_output(&src, g.text.s ? g.text.s : "", g.text.len, &g.lines, l->d, &l->hits);
	if (g.cf) {
		diag_set_remap(l->d, build_remap, &g);
		lint_maps(l, g.cf);
		diag_set_remap(l->d, NULL, NULL);
	}
	status = g.read_failed ? 2 : diag_failed(l->d) ? 1 : 0;
	build_gen_free(&g);
	mcsource_free(&src);
	free(libdir);
	return status;
}

int mclint_main(int argc, char **argv)
{
	static const int allowed[] = { OPT_LIBDIR, OPT_FORMAT, OPT_WERROR, OPT_DISABLE,
				       OPT_ROOT, OPT_NO_FILES, 0 };
	struct cli_opts o;
	struct lint l = { 0 };
	size_t n;
	int status = cli_parse_args(argc, argv, allowed, &o);

	if (status)
		return status;
	if (o.parse.root == NULL)
		o.parse.no_files = 1;
	l.o = &o;
	l.d = build_make_diag(&o);
	diag_add_rules(l.d, maplint_rules, maplint_nrules);
	l.dir = xstrdup(o.file);
	if (strrchr(l.dir, '/'))
		*strrchr(l.dir, '/') = '\0';
	else
		strcpy(l.dir, ".");
	n = strlen(o.file);
	status = n > 3 && strcmp(o.file + n - 3, ".cf") == 0 ? lint_cf(&l) : lint_mc(&l);
	diag_finish(l.d);
	diag_free(&l.d);
	mccheck_hits_free(&l.hits);
	free(l.dir);
	return status;
}
