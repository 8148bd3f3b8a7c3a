/*
 * safefile.c - safe-file checks for class files and the switch file.
 *
 * Entry points: safefile_dbs(), safefile_open_class() (the cfgen hook),
 * safefile_switch_path(), safefile_switch_warn(); the rules are in
 * safefile.h. Paths come from the configuration (trusted text, any
 * length); every directory above the file is stat()ed, from "/" down.
 */
#include "runtime/safefile.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/xalloc.h"

/* DontBlameSendmail words we act on. */
static const struct {
	const char *name;
	unsigned flag;
} dbs_words[] = {
	{ "ClassFileInUnsafeDirPath", SAFEFILE_CLASS_UNSAFE_DIR },
	{ "LinkedClassFileInWritableDir", SAFEFILE_LINKED_CLASS },
	{ "GroupWritableDirPathSafe", SAFEFILE_GROUP_DIR_SAFE },
	{ "TrustStickyBit", SAFEFILE_TRUST_STICKY },
	{ "LinkedServiceSwitchFileInWritableDir", SAFEFILE_LINKED_SWITCH },
	{ "MapInUnsafeDirPath", SAFEFILE_MAP_UNSAFE_DIR },
	{ "GroupWritableAliasFile", SAFEFILE_GROUP_ALIAS },
	{ "WorldWritableAliasFile", SAFEFILE_WORLD_ALIAS },
};

/* Fold one value ("a, b c") into flags: words add, "Safe" clears. */
static unsigned dbs_value(unsigned flags, const char *v)
{
	while (*v) {
		size_t n;

		v += strspn(v, ", \t");
		n = strcspn(v, ", \t");
		if (n == 4 && strncasecmp(v, "safe", 4) == 0)
			flags = 0;
		for (size_t i = 0; n && i < sizeof dbs_words / sizeof dbs_words[0]; i++)
			if (strlen(dbs_words[i].name) == n &&
			    strncasecmp(v, dbs_words[i].name, n) == 0)
				flags |= dbs_words[i].flag;
		v += n;
	}
	return flags;
}

/* The value of a "DontBlameSendmail=value" assignment, or NULL. */
static const char *dbs_assignment(const char *set)
{
	static const char name[] = "DontBlameSendmail=";

	return strncasecmp(set, name, sizeof name - 1) == 0 ? set + sizeof name - 1 : NULL;
}

/* Flags in force before line; see safefile.h. */
unsigned safefile_dbs(const struct cf *cf, unsigned line,
		      const char *const *set, int nset)
{
	unsigned flags = 0;

	for (int i = 0; i < nset; i++)
		if (dbs_assignment(set[i]))
			flags = dbs_value(flags, dbs_assignment(set[i]));
	for (int pass = 0; pass < 2; pass++) {	/* command line, then O lines */
		for (size_t i = 0; i < cf->noptions; i++) {
			const struct ir_option *o = &cf->options[i];

			if (strcasecmp(o->name, "DontBlameSendmail") != 0 || !o->value ||
			    (pass == 0) != (o->pos.line == 0) || o->pos.line >= line)
				continue;
			flags = dbs_value(flags, o->value);
		}
	}
	return flags;
}

/* Why directory mode m is unsafe under flags, or NULL. */
static const char *dir_unsafe(mode_t m, unsigned flags)
{
	if ((m & S_ISVTX) && (flags & SAFEFILE_TRUST_STICKY))
		return NULL;
	if (m & S_IWOTH)
		return "World writable directory";
	if ((m & S_IWGRP) && !(flags & SAFEFILE_GROUP_DIR_SAFE))
		return "Group writable directory";
	return NULL;
}

/* Check the directories above path, from "/" down: the first problem
 * (NULL if none). With warn, a WARNING line is printed for each unsafe
 * directory, and a directory that cannot be examined ends the walk
 * without a problem. */
static const char *dir_check(const char *path, unsigned flags, FILE *warn)
{
	char *dir = xstrdup(path);
	const char *why = NULL, *bad;
	struct stat st;

	for (char *slash = strchr(dir, '/'); slash && (warn || !why);
	     slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		if (stat(*dir ? dir : "/", &st) < 0) {
			why = warn ? why : strerror(errno);
			break;
		}
		bad = dir_unsafe(st.st_mode, flags);
		if (bad && warn)
			fprintf(warn, "WARNING: %s %s\n", bad, *dir ? dir : "/");
		why = why ? why : bad;
		*slash = '/';
	}
	free(dir);
	return why;
}

/* 1 if the directory holding path is group or world writable. */
static int parent_writable(const char *path)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	struct stat st;
	int w = 0;

	if (slash) {
		slash[slash == dir] = '\0';
		w = stat(dir, &st) == 0 && (st.st_mode & (S_IWGRP | S_IWOTH));
	}
	free(dir);
	return w;
}

/* 1 if st's mode bits let us read it: owner, else group, else others
 * (sendmail applies them to root too). */
static int mode_readable(const struct stat *st)
{
	if (st->st_uid == geteuid())
		return (st->st_mode & S_IRUSR) != 0;
	if (st->st_gid == getegid())
		return (st->st_mode & S_IRGRP) != 0;
	return (st->st_mode & S_IROTH) != 0;
}

/* Why class file path may not be read under flags, or NULL. */
static const char *class_check(const char *path, unsigned flags)
{
	const char *why;
	struct stat st;

	if (!(flags & SAFEFILE_CLASS_UNSAFE_DIR) && (why = dir_check(path, flags, NULL)))
		return why;
	if (lstat(path, &st) < 0)
		return strerror(errno);
	if (S_ISLNK(st.st_mode) && !(flags & SAFEFILE_LINKED_CLASS) &&
	    parent_writable(path))
		return "Symbolic links not allowed";
	if (stat(path, &st) < 0)
		return strerror(errno);
	if (!S_ISREG(st.st_mode))
		return "Regular files only";
	return mode_readable(&st) ? NULL : strerror(EACCES);
}

/* The cfgen hook for F lines; see safefile.h. */
FILE *safefile_open_class(void *ctx, const struct cf *cf, const char *path,
			  int optional, const struct srcpos *pos)
{
	const struct safefile_ctx *c = ctx;
	const char *why = class_check(path, safefile_dbs(cf, pos->line, c->set, c->nset));
	FILE *f = NULL;

	if (!why && !(f = fopen(path, "r")))
		why = strerror(errno);
	if (why && !optional)
		fprintf(c->out, "%s: line %u: fileclass: cannot open '%s': %s\n",
			pos->file ? pos->file : cf->file, pos->line, path, why);
	return f;
}

/* The switch file to read, or NULL for an ignored link. */
const char *safefile_switch_path(const struct rt *rt, const char *path)
{
	struct stat st;

	if (path && lstat(path, &st) == 0 && S_ISLNK(st.st_mode) &&
	    !(safefile_dbs(rt->cf, UINT_MAX, NULL, 0) & SAFEFILE_LINKED_SWITCH) &&
	    parent_writable(path))
		return NULL;
	return path;
}

/* The checks before rebuilding an alias file; see safefile.h. */
int safefile_alias(const struct rt *rt, const char *path, FILE *out)
{
	unsigned flags = safefile_dbs(rt->cf, UINT_MAX, NULL, 0);
	struct stat st;

	if (dir_check(path, flags, out)) {
		if (!(flags & SAFEFILE_MAP_UNSAFE_DIR)) {
			fprintf(out, "WARNING: cannot open alias database %s\n"
				"Cannot create database for alias file %s\n", path, path);
			return RT_SOFTWARE;
		}
		dir_check(path, flags, out);	/* the text file is checked too */
	}
	if (stat(path, &st) < 0)
		return 0;	/* the builder reports it */
	if ((st.st_mode & S_IWGRP) && !(flags & SAFEFILE_GROUP_ALIAS)) {
		fprintf(out, "newaliases: cannot open %s: Group writable file\n", path);
		return 1;
	}
	if ((st.st_mode & S_IWOTH) && !(flags & SAFEFILE_WORLD_ALIAS)) {
		fprintf(out, "newaliases: cannot open %s: World writable file\n", path);
		return 1;
	}
	return 0;
}

/* The switch file's warnings, once. */
void safefile_switch_warn(struct rt *rt)
{
	if (rt->switch_warn != 1)
		return;
	rt->switch_warn = 2;
	if (rt->switch_name)
		dir_check(rt->switch_name, safefile_dbs(rt->cf, UINT_MAX, NULL, 0),
			  rt->out);
}
