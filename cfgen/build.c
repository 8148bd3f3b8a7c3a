/*
 * build.c - cfgen build and the generation pipeline lint shares
 * (see build.h).
 *
 * m4 is run as `m4 -s -D_CF_DIR_=LIB -I MCDIR - LIB/m4/cf.m4 IN.mc` with
 * the include preamble on stdin. -s makes m4 print "#line N FILE" markers,
 * from which every .cf line gets the .mc (or library) line that produced
 * it; the markers are stripped before the text is parsed or written, so
 * the .cf is byte for byte what plain m4 prints. Library text needs no
 * special case: cf.m4 is loaded before the .mc and again (harmlessly) by a
 * .mc that includes it itself.
 */
#include "cfgen/build.h"

#include <stdlib.h>
#include <string.h>

#include "cfgen/buildmaps.h"
#include "cfgen/mclint.h"
#include "cfgen/mcpaths.h"
#include "cfgen/validate.h"
#include "lib/atomicfile.h"
#include "lib/limits.h"
#include "lib/xalloc.h"

/* Line n of a library file, from the cache (loaded on first use), or NULL. */
static const char *library_line_text(struct build_gen *g, const char *file, unsigned n)
{
	const struct mcsource *f = mcpaths_lib_file(&g->lib, file);
	const char *p = f->text, *end = p ? p + f->len : NULL;

	for (unsigned l = 1; p && p < end && l < n; l++)
		p = (p = memchr(p, '\n', (size_t)(end - p))) ? p + 1 : NULL;
	return p && p < end ? p : NULL;
}

/* The value of the .mc's last define of the confNAME macro a library line
 * names (the option that line emits), or NULL. */
static const struct mc_arg *conf_define(struct build_gen *g, const char *line)
{
	const char *c = strstr(line, "`conf"), *nl = strchr(line, '\n');
	const struct mc_arg *found = NULL;

	if (c == NULL || (nl && c > nl))
		return NULL;
	size_t n = strspn(c + 1, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");
	for (size_t i = 0; i < g->src.ncalls; i++) {
		const struct mc_call *call = &g->src.calls[i];
		if (strcmp(call->name, "define") == 0 && call->nargs >= 2 &&
		    strlen(mc_arg(call, 0)) == n && strncmp(mc_arg(call, 0), c + 1, n) == 0)
			found = &call->args[1];
	}
	return found;
}

/* Remember that a finding at library position pos moved to call (once
 * per call and library file). */
static void blame_record(struct build_gen *g, const struct mc_call *call,
			 const struct srcpos *pos)
{
	const struct mcsource *f = mcpaths_lib_file(&g->lib, pos->file);

	for (size_t i = 0; i < g->nblamed; i++)
		if (g->blamed[i].call == call && g->blamed[i].file == f->file)
			return;
	g->blamed = xreallocarray(g->blamed, g->nblamed + 1, sizeof *g->blamed);
	g->blamed[g->nblamed++] = (struct build_blame){ call, f->file, pos->line };
}

/* A library position whose line handles a confNAME the .mc defines
 * becomes the position of that define's value; other library text, the
 * position of the .mc call that brought it in (remembered in g->blamed
 * when record is set, for the notes). */
static void remap_library(struct build_gen *g, struct srcpos *pos, int record)
{
	const struct mc_arg *def;
	const struct mc_call *call;
	const char *text;
	struct srcpos why;

	if (pos->file == NULL || pos->line == 0 ||
	    strncmp(pos->file, g->libdir, strlen(g->libdir)) != 0)
		return;
	if ((text = library_line_text(g, pos->file, pos->line)) != NULL &&
	    (def = conf_define(g, text)) != NULL) {
		*pos = (struct srcpos){ g->src.file, def->line, def->col };
		return;
	}
	if ((call = mcpaths_blame(&g->lib, &g->src, pos->file, pos->line, &why)) == NULL)
		return;
	if (record)
		blame_record(g, call, &why);
	*pos = (struct srcpos){ g->src.file, call->line, call->col };
}

void build_remap(void *ctx, struct srcpos *pos)
{
	struct build_gen *g = ctx;
	const struct srcpos *o;

	if (pos->file == NULL || strcmp(pos->file, g->cfname) != 0 ||
	    (o = m4run_origin(&g->lines, pos->line)) == NULL)
		return;
	pos->file = o->file;
	pos->line = o->line;
	remap_library(g, pos, 1);
}

/* One note per call that findings in library text were moved to. */
static void blame_notes(struct build_gen *g, struct diag *d)
{
	for (size_t i = 0; i < g->nblamed; i++) {
		const struct build_blame *b = &g->blamed[i];
		struct srcpos pos = { g->src.file, b->call->line, b->call->col };
		char *arg = diag_quote(mc_arg(b->call, 0), LIMIT_SHORT_STR);
		diag_report(d, DIAG_NOTE, &pos, NULL, "the findings above at this line come from "
			    "library text (%s:%u) that %s(%s) brings in", b->file,
			    b->line, b->call->name, arg);
		free(arg);
	}
}

/* Report one "*** ERROR: msg [file:line]" line of the library. */
static void library_line(struct build_gen *g, const char *s, struct diag *d)
{
	int err = strncmp(s, "*** ERROR: ", 11) == 0;
	const char *msg = s + (err ? 11 : 13);
	const char *br = strrchr(msg, '[');
	const char *colon = br ? strrchr(br, ':') : NULL;
	struct srcpos pos = { NULL, 0, 0 };
	char *file = NULL;
	size_t mlen = strlen(msg);

	if (br && colon && s[strlen(s) - 1] == ']') {
		file = xstrndup(br + 1, (size_t)(colon - br - 1));
		pos.line = (unsigned)strtoul(colon + 1, NULL, 10);
		pos.file = file;
		mlen = (size_t)(br - msg);
		while (mlen && msg[mlen - 1] == ' ')
			mlen--;
	}
	struct srcpos at = pos;
	remap_library(g, &at, 0);
	char *text = xstrndup(msg, mlen), *shown = diag_quote(text, LIMIT_SHORT_STR);
	enum diag_severity sev = err ? DIAG_ERROR : DIAG_WARNING;
	if (g->filter == NULL || g->filter(g->filter_ctx, &at, sev)) {
		diag_report(d, sev, at.file ? &at : NULL, "MCLIB", "%s", shown);
		remap_library(g, &pos, 1);	/* for the note */
	}
	free(shown);
	free(text);
	free(file);
}

/* Report one "m4:file:line: message" line of m4 itself. */
static void m4_line(struct build_gen *g, const char *s, struct diag *d)
{
	const char *p = s + 3, *c1 = strchr(p, ':');
	char *end = NULL;
	unsigned long line = c1 ? strtoul(c1 + 1, &end, 10) : 0;
	struct srcpos pos = { NULL, 0, 0 };
	char *file = NULL;

	if (c1 && end && end != c1 + 1 && *end == ':') {
		file = xstrndup(p, (size_t)(c1 - p));
		pos = (struct srcpos){ file, (unsigned)line, 0 };
		p = end + 1;
		while (*p == ' ')
			p++;
	}
	int warn = strncmp(p, "Warning: ", 9) == 0;
	char *shown = diag_quote(warn ? p + 9 : strncmp(p, "ERROR: ", 7) == 0 ? p + 7 : p,
				 LIMIT_SHORT_STR);
	enum diag_severity sev = warn ? DIAG_WARNING : DIAG_ERROR;
	if (g->filter == NULL || g->filter(g->filter_ctx, &pos, sev))
		diag_report(d, sev, file ? &pos : NULL, "M4", "m4: %s", shown);
	free(shown);
	free(file);
}

/* Turn everything m4 wrote to stderr into diagnostics. */
static void report_stderr(struct build_gen *g, const struct str *err, struct diag *d)
{
	char *copy = xstrdup(err->s ? err->s : "");

	for (char *save = NULL, *l = strtok_r(copy, "\n", &save); l;
	     l = strtok_r(NULL, "\n", &save)) {
		if (strncmp(l, "*** ERROR: ", 11) == 0 || strncmp(l, "*** WARNING: ", 13) == 0)
			library_line(g, l, d);
		else if (strncmp(l, "m4:", 3) == 0)
			m4_line(g, l, d);
		else {
			char *shown = diag_quote(l, LIMIT_SHORT_STR);
			diag_report(d, DIAG_NOTE, NULL, "M4", "m4 printed: %s", shown);
			free(shown);
		}
	}
	free(copy);
}

/* Run m4 over the scanned .mc; 0 if it produced a .cf without errors. */
static int run_m4(struct build_gen *g, const char *input, struct diag *d)
{
	struct str pre = STR_INIT, def = STR_INIT, lib = STR_INIT;
	char *mcdir = xstrdup(input), *slash = strrchr(mcdir, '/');
	const char *m4 = getenv("M4") && *getenv("M4") ? getenv("M4") : "m4";
	struct m4run r;
	unsigned before = diag_count(d, DIAG_ERROR);
	int rc;

	if (slash)
		*slash = '\0';
	mcpaths_preamble(&g->src, g->libdir, &pre, d);
	str_printf(&def, "-D_CF_DIR_=%s", g->libdir);
	str_printf(&lib, "%sm4/cf.m4", g->libdir);
	char *argv[] = { (char *)m4, "-s", def.s, "-I", slash ? mcdir : ".", "-",
			 lib.s, (char *)input, NULL };
	rc = m4run_exec(argv, pre.s, pre.len, &r);
	report_stderr(g, &r.err, d);
	if (rc < 0)
		diag_report(d, DIAG_ERROR, NULL, "M4", "%s", r.errmsg);
	else if (r.status != 0)
		diag_report(d, DIAG_ERROR, NULL, "M4", "%s exited with status %d; "
			    "no .cf produced", m4, r.status);
	else
		m4run_strip_synclines(r.out.s ? r.out.s : "", r.out.len, &g->text, &g->lines);
	m4run_free(&r);
	str_free(&pre);
	str_free(&def);
	str_free(&lib);
	free(mcdir);
	return rc < 0 || r.status != 0 || diag_count(d, DIAG_ERROR) > before ? -1 : 0;
}

int build_generate(struct build_gen *g, const char *input, const char *libdir,
		   const char *cfname, const struct cf_parse_opts *popts, struct diag *d)
{
	char err[512];
	unsigned before = diag_count(d, DIAG_ERROR);

	g->cfname = cfname;
	if (mcsource_load(&g->src, input, err, sizeof err) < 0) {
		diag_report(d, DIAG_ERROR, NULL, NULL, "%s", err);
		g->read_failed = 1;
		return -1;
	}
	if ((g->libdir = mcpaths_libdir(libdir, err, sizeof err)) == NULL) {
		diag_report(d, DIAG_ERROR, NULL, NULL, "%s", err);
		g->read_failed = 1;
		return -1;
	}
	g->lib.libdir = g->libdir;
	if (run_m4(g, input, d) < 0) {
		blame_notes(g, d);
		return -1;
	}
	diag_set_remap(d, build_remap, g);
	g->cf = cf_parse_buffer(cfname, g->text.s ? g->text.s : "", g->text.len, d, popts);
	if (g->cf)
		cf_validate(g->cf, d);
	diag_set_remap(d, NULL, NULL);
	blame_notes(g, d);
	return g->cf && diag_count(d, DIAG_ERROR) == before ? 0 : -1;
}

void build_gen_free(struct build_gen *g)
{
	cf_free(&g->cf);
	mcsource_free(&g->src);
	m4run_lines_free(&g->lines);
	mcpaths_lib_free(&g->lib);
	free(g->blamed);
	str_free(&g->text);
	free(g->libdir);
}

struct diag *build_make_diag(const struct cli_opts *o)
{
	struct diag *d = cli_make_diag(o);

	diag_add_rules(d, mclint_rules, mclint_nrules);
	return d;
}

/* Write the .cf to o->output atomically (or stdout); 0 or -1 (reported). */
static int write_cf(const struct build_gen *g, const struct cli_opts *o, struct diag *d)
{
	struct atomicfile af;

	if (o->output == NULL) {
		if (fwrite(g->text.s, 1, g->text.len, stdout) == g->text.len && fflush(stdout) == 0)
			return 0;
		diag_report(d, DIAG_ERROR, NULL, NULL, "writing the .cf to stdout failed");
		return -1;
	}
	if (atomicfile_open(&af, o->output, 0644) < 0) {
		diag_report(d, DIAG_ERROR, NULL, NULL, "%s", af.err);
		return -1;
	}
	if (fwrite(g->text.s, 1, g->text.len, af.fp) != g->text.len) {
		atomicfile_abort(&af);
		diag_report(d, DIAG_ERROR, NULL, NULL, "writing %s failed", o->output);
		return -1;
	}
	if (atomicfile_commit(&af) < 0) {
		diag_report(d, DIAG_ERROR, NULL, NULL, "%s", af.err);
		return -1;
	}
	return 0;
}

int build_main(int argc, char **argv)
{
	struct build_gen g = { 0 };
	static const int allowed[] = { OPT_OUTPUT, OPT_MAPS, OPT_LIBDIR, OPT_FORMAT,
				       OPT_WERROR, OPT_DISABLE, OPT_ROOT, OPT_NO_FILES, 0 };
	struct cli_opts o;
	struct diag *d;
	int status = cli_parse_args(argc, argv, allowed, &o);

	if (status)
		return status;
	if (o.maps && o.output == NULL) {
		fprintf(stderr, "cfgen build: --maps needs -o FILE.cf\n");
		return 2;
	}
	o.parse.no_files = o.parse.root ? o.parse.no_files : 1;
	d = build_make_diag(&o);
	if (build_generate(&g, o.file, o.libdir, o.output ? o.output : "sendmail.cf",
			   &o.parse, d) < 0 || diag_failed(d))
		status = g.read_failed ? 2 : 1;
	else if (write_cf(&g, &o, d) < 0)
		status = 1;
	else if (o.maps) {
		diag_set_remap(d, build_remap, &g);
		status = buildmaps_run(g.cf, o.parse.root, d) < 0 ? 1 : 0;
		diag_set_remap(d, NULL, NULL);
	}
	diag_finish(d);
	diag_free(&d);
	build_gen_free(&g);
	return status;
}
