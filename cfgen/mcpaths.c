/*
 * mcpaths.c - find the m4 library and map foreign include paths onto it
 * (see mcpaths.h).
 *
 * The preamble given to m4 (on stdin, before the library and the .mc)
 * saves the builtins and redefines include/sinclude as
 *     _mailcf_include(_mailcf_map(`target'))
 * where _mailcf_map is an ifelse chain over the targets the .mc names
 * literally. Targets computed at run time are left alone.
 */
#include "cfgen/mcpaths.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/limits.h"
#include "lib/xalloc.h"

#ifndef MAILCF_DATADIR
#define MAILCF_DATADIR "/usr/local/share/mailcf"
#endif

/* Fixed targets and the library file each stands for. */
static const struct { const char *from, *to; } fixed_map[] = {
	{ "/usr/share/sendmail/cf/m4/cf.m4", "m4/cf.m4" },		/* Debian */
	{ "/usr/share/sendmail-cf/m4/cf.m4", "m4/cf.m4" },		/* Red Hat */
	{ "../m4/cf.m4", "m4/cf.m4" },
	{ "/etc/mail/m4/dialup.m4", "debian/dialup.m4" },
	{ "/etc/mail/m4/provider.m4", "debian/provider.m4" },
	{ "/usr/share/sendmail/cf/debian/autoconf.m4", "debian/autoconf.m4" },
};

/* "dir/" if dir/m4/cf.m4 is readable, else NULL. */
static char *try_root(const char *dir)
{
	struct str p = STR_INIT;

	if (dir == NULL || *dir == '\0')
		return NULL;
	str_append(&p, dir);
	if (p.s[p.len - 1] != '/')
		str_appendc(&p, '/');
	str_append(&p, "m4/cf.m4");
	if (access(p.s, R_OK) == 0) {
		str_truncate(&p, p.len - strlen("m4/cf.m4"));
		return str_steal(&p);
	}
	str_free(&p);
	return NULL;
}

/* The source tree's mc/ seen from the running executable (build/bin/X,
 * or deeper as in build/asan/bin/X: up to three levels above
 * bin/), or NULL. */
static char *from_exe(void)
{
	enum { LEVELS = 3 };	/* bin/, asan/, build/ */
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *slash, *r = NULL;
	struct str p = STR_INIT;

	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	if ((slash = strrchr(exe, '/')) == NULL)
		return NULL;
	*slash = '\0';
	str_append(&p, exe);
	for (int up = 0; up < LEVELS && r == NULL; up++) {
		str_append(&p, "/..");
		size_t len = p.len;
		str_append(&p, "/mc");
		r = try_root(p.s);
		str_truncate(&p, len);
	}
	str_free(&p);
	return r;
}

char *mcpaths_libdir(const char *option, char *err, size_t errlen)
{
	char *r;

	if (option) {
		if ((r = try_root(option)) == NULL)
			snprintf(err, errlen, "--libdir %s: no m4/cf.m4 there", option);
		return r;
	}
	if ((r = try_root(getenv("MAILCF_CF_DIR"))) || (r = from_exe()) ||
	    (r = try_root(MAILCF_DATADIR "/cf")))
		return r;
	snprintf(err, errlen, "mailcf's m4 library not found (tried $MAILCF_CF_DIR, "
		 "the build tree and %s/cf; use --libdir DIR)", MAILCF_DATADIR);
	return NULL;
}

/* 1 if s ends with suffix. */
static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

char *mcpaths_map(const char *target, const char *libdir)
{
	const char *to = NULL;
	struct str p = STR_INIT;

	for (size_t i = 0; i < sizeof fixed_map / sizeof *fixed_map && !to; i++)
		if (strcmp(target, fixed_map[i].from) == 0)
			to = fixed_map[i].to;
	if (!to && ends_with(target, "/m4/cf.m4"))
		to = "m4/cf.m4";
	if (!to)
		return NULL;
	str_printf(&p, "%s%s", libdir, to);
	if (strcmp(p.s, target) == 0) {		/* already ours */
		str_free(&p);
		return NULL;
	}
	return str_steal(&p);
}

char *mcpaths_find(const char *target, const char *mcdir)
{
	struct str p = STR_INIT;

	if (access(target, R_OK) == 0)
		return xstrdup(target);
	if (target[0] == '/' || mcdir == NULL)
		return NULL;
	str_printf(&p, "%s/%s", mcdir, target);
	if (access(p.s, R_OK) == 0)
		return str_steal(&p);
	str_free(&p);
	return NULL;
}

/* 1 if the target has no characters that would break the m4 quoting. */
static int quotable(const char *s)
{
	return strpbrk(s, "`'\n") == NULL;
}

void mcpaths_preamble(const struct mcsource *src, const char *libdir,
		      struct str *out, struct diag *d)
{
	str_append(out, "divert(-1)\n"
		   "define(`_mailcf_include', defn(`include'))\n"
		   "define(`_mailcf_sinclude', defn(`sinclude'))\n"
		   "define(`_mailcf_map', `ifelse(`$1', `', `', ");
	for (size_t i = 0; i < src->ncalls; i++) {
		const struct mc_call *c = &src->calls[i];
		if ((strcmp(c->name, "include") && strcmp(c->name, "sinclude")) || !c->nargs)
			continue;
		char *to = mcpaths_map(mc_arg(c, 0), libdir);
		if (to && quotable(to) && quotable(mc_arg(c, 0))) {
			str_printf(out, "`$1', `%s', `%s', ", mc_arg(c, 0), to);
			if (d) {
				struct srcpos pos = { src->file, c->args[0].line, c->args[0].col };
				diag_report(d, DIAG_NOTE, &pos, NULL,
					    "%s of %s mapped to mailcf's %s", c->name,
					    mc_arg(c, 0), to);
			}
		}
		free(to);
	}
	str_append(out, "`$1')')\n"
		   "define(`include', `ifelse(`$#', `0', ``include'', "
		   "`_mailcf_include(_mailcf_map(`$1'))')')\n"
		   "define(`sinclude', `ifelse(`$#', `0', ``sinclude'', "
		   "`_mailcf_sinclude(_mailcf_map(`$1'))')')\n"
		   "divert(0)dnl\n");
}

const struct mcsource *mcpaths_lib_file(struct mcpaths_lib *lib, const char *path)
{
	struct mcsource *f;
	char err[256];

	for (size_t i = 0; i < lib->nfiles; i++)
		if (strcmp(lib->files[i]->file, path) == 0)
			return lib->files[i];
	lib->files = xreallocarray(lib->files, lib->nfiles + 1, sizeof *lib->files);
	f = lib->files[lib->nfiles++] = xmalloc(sizeof *f);
	char *name = xstrdup(path);	/* owned: freed with the cache */
	if (mcsource_load(f, name, err, sizeof err) < 0)
		f->file = name;
	return f;
}

/* Load every *.m4 file one directory below the library root. */
static void load_all(struct mcpaths_lib *lib)
{
	DIR *top = lib->listed ? NULL : opendir(lib->libdir);
	struct dirent *e, *m;

	lib->listed = 1;
	while (top && (e = readdir(top))) {
		struct str dir = STR_INIT;
		str_printf(&dir, "%s%s", lib->libdir, e->d_name);
		DIR *sub = e->d_name[0] == '.' ? NULL : opendir(dir.s);
		while (sub && (m = readdir(sub))) {
			size_t n = strlen(m->d_name);
			struct str path = STR_INIT;
			str_printf(&path, "%s/%s", dir.s, m->d_name);
			struct stat st;
			if (n > 3 && strcmp(m->d_name + n - 3, ".m4") == 0 &&
			    stat(path.s, &st) == 0 && S_ISREG(st.st_mode))
				mcpaths_lib_file(lib, path.s);
			str_free(&path);
		}
		if (sub)
			closedir(sub);
		str_free(&dir);
	}
	if (top)
		closedir(top);
}

/* mc's first call macro(name), or NULL. */
static const struct mc_call *mc_find(const struct mcsource *mc, const char *macro,
				     const char *name, size_t namelen)
{
	for (size_t i = 0; i < mc->ncalls; i++) {
		const struct mc_call *c = &mc->calls[i];
		if (c->parens && strcmp(c->name, macro) == 0 && strlen(mc_arg(c, 0)) == namelen &&
		    strncmp(mc_arg(c, 0), name, namelen) == 0)
			return c;
	}
	return NULL;
}

/* The call of mc a KIND/NAME.m4 library file (rel) stands for, or NULL. */
static const struct mc_call *by_kind(const struct mcsource *mc, const char *rel)
{
	static const char *const kinds[][2] = { { "feature/", "FEATURE" },
		{ "mailer/", "MAILER" }, { "ostype/", "OSTYPE" }, { "domain/", "DOMAIN" },
		{ "hack/", "HACK" } };
	size_t n = strlen(rel);

	for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
		size_t k = strlen(kinds[i][0]);
		if (strncmp(rel, kinds[i][0], k) == 0 && n > k + 3 && ends_with(rel, ".m4"))
			return mc_find(mc, kinds[i][1], rel + k, n - k - 3);
	}
	return NULL;
}

/* The FEATURE of mc whose _FEAT_NAME_ the arguments of c test, or NULL. */
static const struct mc_call *by_feature_test(const struct mcsource *mc, const struct mc_call *c)
{
	static const char mark[] = "_FEAT_";

	for (size_t i = 0; i < c->nargs; i++)
		for (const char *p = mc_arg(c, i); (p = strstr(p, mark)) != NULL; p++) {
			const char *name = p + sizeof mark - 1;
			size_t n = strspn(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
					  "0123456789_");
			const struct mc_call *f = n > 1 && name[n - 1] == '_' ?
				mc_find(mc, "FEATURE", name, n - 1) : NULL;
			if (f)
				return f;
		}
	return NULL;
}

/* The library file and line that include rel (relative to the root), or
 * 0 when none does. */
static int includer(struct mcpaths_lib *lib, const char *rel, const char **file,
		    unsigned *line)
{
	load_all(lib);
	for (size_t i = 0; i < lib->nfiles; i++)
		for (size_t j = 0; j < lib->files[i]->ncalls; j++) {
			const struct mc_call *c = &lib->files[i]->calls[j];
			for (size_t a = 0; a < c->nargs; a++)
				if (strstr(mc_arg(c, a), rel) && (strstr(mc_arg(c, a), "include") ||
				    strstr(c->name, "include"))) {
					*file = lib->files[i]->file;
					*line = c->line;
					return 1;
				}
		}
	return 0;
}

/* The KIND call of mc whose library file defines the confNAME macro that
 * c (a library line emitting an option) names first, or NULL; *at gets
 * that define's position. */
static const struct mc_call *by_kind_define(struct mcpaths_lib *lib, const struct mcsource *mc,
					    const struct mc_call *c, struct srcpos *at)
{
	const char *name = mc_arg(c, 0);

	if (strncmp(name, "conf", 4) != 0)
		return NULL;
	for (size_t i = 0; i < mc->ncalls; i++) {
		const struct mc_call *k = &mc->calls[i];
		struct str path = STR_INIT;
		const char *kind = !k->parens ? NULL : strcmp(k->name, "DOMAIN") == 0 ? "domain" :
			strcmp(k->name, "OSTYPE") == 0 ? "ostype" : strcmp(k->name, "HACK") == 0 ?
			"hack" : NULL;
		if (kind == NULL || strpbrk(mc_arg(k, 0), "/$"))
			continue;
		str_printf(&path, "%s%s/%s.m4", lib->libdir, kind, mc_arg(k, 0));
		const struct mcsource *f = mcpaths_lib_file(lib, path.s);
		str_free(&path);
		for (size_t j = 0; j < f->ncalls; j++)
			if (f->calls[j].parens && strcmp(f->calls[j].name, "define") == 0 &&
			    strcmp(mc_arg(&f->calls[j], 0), name) == 0) {
				*at = (struct srcpos){ f->file, f->calls[j].line, f->calls[j].col };
				return k;
			}
	}
	return NULL;
}

/* mcpaths_blame, depth files up. */
static const struct mc_call *blame(struct mcpaths_lib *lib, const struct mcsource *mc,
				   const char *file, unsigned line, unsigned depth,
				   struct srcpos *why)
{
	size_t root = strlen(lib->libdir);
	const struct mc_call *c;
	const struct mcsource *f;

	if (depth > LIMIT_INCLUDE_DEPTH || strncmp(file, lib->libdir, root) != 0)
		return NULL;
	if ((c = by_kind(mc, file + root)) != NULL)
		return c;
	f = mcpaths_lib_file(lib, file);
	for (size_t i = 0; i < f->ncalls; i++) {
		const struct mc_call *e = &f->calls[i];
		if (!e->parens || e->line > line || line > e->end_line)
			continue;
		if ((c = by_feature_test(mc, e)) != NULL ||
		    (depth == 0 && (c = by_kind_define(lib, mc, e, why)) != NULL))
			return c;
	}
	if (includer(lib, file + root, &file, &line))
		return blame(lib, mc, file, line, depth + 1, why);
	return NULL;
}

const struct mc_call *mcpaths_blame(struct mcpaths_lib *lib, const struct mcsource *mc,
				    const char *file, unsigned line, struct srcpos *why)
{
	*why = (struct srcpos){ file, line, 0 };
	return file ? blame(lib, mc, file, line, 0, why) : NULL;
}

void mcpaths_lib_free(struct mcpaths_lib *lib)
{
	for (size_t i = 0; i < lib->nfiles; i++) {
		char *name = (char *)lib->files[i]->file;
		mcsource_free(lib->files[i]);
		free(lib->files[i]);
		free(name);
	}
	free(lib->files);
	memset(lib, 0, sizeof *lib);
}
