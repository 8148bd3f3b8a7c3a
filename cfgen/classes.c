/*
 * classes.c - C, T and F lines: classes and where their members come from
 * (op.txt 5.4; cf-format.md 2-3).
 *
 * C lines are macro-expanded; "$=X" inside adds the members of class X.
 * F lines read a file (relative to opts.root when set) with an optional
 * scanf format of the subset sendmail configurations use: literal text,
 * blanks, "%s" and "%[set]" / "%[^set]". Programs (F|prog) are recorded,
 * never run. Members are deduplicated through the parser's hash table, so
 * large class files stay linear.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfgen/parse_private.h"
#include "lib/arena.h"
#include "lib/str.h"
#include "lib/xalloc.h"

size_t classes_get(struct parser *p, const char *name)
{
	int i = htab_get(p->names, TAG_CLASS, name);
	struct cf *cf = p->cf;

	if (i >= 0)
		return (size_t)i;
	cf->classes = parse_grow(p, cf->classes, cf->nclasses, &p->cap_classes,
				 sizeof *cf->classes);
	cf->classes[cf->nclasses] = (struct ir_class){ name, NULL, 0, NULL, 0 };
	if (cf->nclasses >= p->ncap_class) {
		p->ncap_class = p->ncap_class ? size_mul(p->ncap_class, 2) : 16;
		p->cap_members = xreallocarray(p->cap_members, p->ncap_class, sizeof(size_t));
		p->cap_sources = xreallocarray(p->cap_sources, p->ncap_class, sizeof(size_t));
	}
	p->cap_members[cf->nclasses] = p->cap_sources[cf->nclasses] = 0;
	htab_put(p->names, TAG_CLASS, name, (int)cf->nclasses);
	return cf->nclasses++;
}

void classes_add_member(struct parser *p, size_t ci, const char *word, size_t n)
{
	struct ir_class *c = &p->cf->classes[ci];
	char *w = arena_strndup(p->a, word, n);

	if (htab_get(p->names, TAG_MEMBER + (unsigned)ci, w) >= 0)
		return;
	c->members = parse_grow(p, c->members, c->nmembers, &p->cap_members[ci],
				sizeof *c->members);
	c->members[c->nmembers] = w;
	htab_put(p->names, TAG_MEMBER + (unsigned)ci, w, (int)c->nmembers++);
}

void classes_free(struct parser *p)
{
	free(p->cap_members);
	free(p->cap_sources);
	p->cap_members = p->cap_sources = NULL;
}

/* Append a source record to class ci; returns it. */
static struct ir_class_source *add_source(struct parser *p, size_t ci,
					  enum ir_class_src kind)
{
	struct ir_class *c = &p->cf->classes[ci];

	c->sources = parse_grow(p, c->sources, c->nsources, &p->cap_sources[ci],
				sizeof *c->sources);
	c->sources[c->nsources] = (struct ir_class_source){ kind, NULL, NULL, 0, 0,
							    parse_pos(p, 0), NULL, 0 };
	return &c->sources[c->nsources++];
}

/* Add the blank-separated words of s to class ci; "$=X" adds class X.
 * The words added are recorded in src (for emit). */
static void add_words(struct parser *p, size_t ci, const char *s,
		      struct ir_class_source *src)
{
	size_t cap = 0, n = 0;
	const char **words = NULL;

	for (;;) {
		s += strspn(s, " \t\n");
		size_t len = strcspn(s, " \t\n");
		const char *name = NULL, *why = NULL;
		if (len == 0)
			break;
		if (len > 2 && s[0] == '$' && s[1] == '=' &&
		    dollar_name(p->a, s + 2, len - 2, &name, &why) == len - 2) {
			int k = htab_get(p->names, TAG_CLASS, name);
			for (size_t m = 0; k >= 0 && m < p->cf->classes[k].nmembers; m++) {
				const char *w = p->cf->classes[k].members[m];
				classes_add_member(p, ci, w, strlen(w));
				words = parse_grow(p, words, n, &cap, sizeof *words);
				words[n++] = p->cf->classes[k].members[m];
			}
		} else {
			classes_add_member(p, ci, s, len);
			words = parse_grow(p, words, n, &cap, sizeof *words);
			words[n++] = arena_strndup(p->a, s, len);
		}
		s += len;
	}
	src->words = words;
	src->nwords = n;
}

/* The class name after the line letter; returns bytes used or 0. */
static size_t class_name(struct parser *p, const char *text, const char **name)
{
	const char *why = NULL;
	size_t n = dollar_name(p->a, text + 1, strlen(text + 1), name, &why);

	if (n == 0)
		parse_report(p, DIAG_ERROR, 1, "CF000", "bad class name in %c line: %s",
			     text[0], why);
	return n;
}

/* Class t is the trusted users (C t and the old T line): keep the list. */
static void add_trusted(struct parser *p, const char *s)
{
	for (;;) {
		s += strspn(s, " \t\n");
		size_t len = strcspn(s, " \t\n");
		if (len == 0)
			break;
		p->cf->trusted = parse_grow(p, p->cf->trusted, p->cf->ntrusted,
					    &p->cap_trusted, sizeof *p->cf->trusted);
		p->cf->trusted[p->cf->ntrusted++] = arena_strndup(p->a, s, len);
		s += len;
	}
}

/* "C<class> word ...". */
void classes_c_line(struct parser *p, const char *text)
{
	struct dollar_ctx cx = parse_ctx(p);
	const char *name = NULL;
	size_t n = class_name(p, text, &name), ci;
	char *words;

	if (n == 0)
		return;
	words = dollar_expand_text(&cx, text + 1 + n, (unsigned)(2 + n), parse_macro_value, p);
	ci = classes_get(p, name);
	add_words(p, ci, words, add_source(p, ci, IR_CLASS_LIST));
	if (strcmp(name, "t") == 0)
		add_trusted(p, words);
}

/* "T<user> ...": the old form of "Ct". */
void classes_t_line(struct parser *p, const char *text)
{
	size_t ci = classes_get(p, "t");

	add_words(p, ci, text + 1, add_source(p, ci, IR_CLASS_LIST));
	add_trusted(p, text + 1);
}

/* Whether c is in the scanf set at set (after '['); *end gets the ']'. */
static int in_set(const char *set, unsigned char c, const char **end)
{
	int neg = *set == '^', hit = 0;
	const char *q = set + neg;

	if (*q == ']') {
		hit |= c == ']';
		q++;
	}
	for (; *q && *q != ']'; q++) {
		if (q[1] == '-' && q[2] && q[2] != ']') {
			hit |= c >= (unsigned char)q[0] && c <= (unsigned char)q[2];
			q += 2;
		} else {
			hit |= c == (unsigned char)*q;
		}
	}
	*end = q;
	return neg ? !hit : hit;
}

/* Match one line against the scanf format; the first conversion goes to
 * out. Returns 1 if it matched, 0 if not, -1 if the format is not in the
 * supported subset. */
static int scan_line(const char *fmt, const char *s, struct str *out)
{
	for (; *fmt; fmt++) {
		const char *end;
		if (*fmt == ' ' || *fmt == '\t') {
			s += strspn(s, " \t");
		} else if (*fmt != '%') {
			if (*s++ != *fmt)
				return 0;
		} else if (fmt[1] == 's') {
			s += strspn(s, " \t");
			str_appendn(out, s, strcspn(s, " \t"));
			return out->len > 0;
		} else if (fmt[1] == '[') {
			if (strchr(fmt + 2 + (fmt[2] == '^') + 1, ']') == NULL)
				return -1;
			while (*s && in_set(fmt + 2, (unsigned char)*s, &end))
				str_appendc(out, *s++);
			return out->len > 0;
		} else {
			return -1;
		}
	}
	return -1;	/* no conversion at all */
}

/* Read class file path into class ci (with format fmt or NULL). */
static int read_class_file(struct parser *p, size_t ci,
			   const struct ir_class_source *src)
{
	const char *path = src->arg, *fmt = src->format;
	struct str full = STR_INIT, word = STR_INIT;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	FILE *f;

	if (p->opts.root && *p->opts.root)
		str_append(&full, p->opts.root);
	str_append(&full, path);
	f = p->opts.open_class ?
	    p->opts.open_class(p->opts.ctx, p->cf, str_cstr(&full), src->optional, &src->pos) :
	    fopen(str_cstr(&full), "r");
	str_free(&full);
	if (f == NULL)
		return -1;
	while ((len = getline(&line, &cap, f)) > 0) {
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '#' || len > LIMIT_CF_LINE)
			continue;
		str_reset(&word);
		/* readcf's fileclass: without a format a line gives its first
		 * word only ("%s"); the match is then split into words. */
		if (scan_line(fmt ? fmt : "%s", line, &word) <= 0)
			continue;
		for (const char *s = str_cstr(&word); *s;) {
			s += strspn(s, " \t");
			size_t n = strcspn(s, " \t");
			if (n)
				classes_add_member(p, ci, s, n);
			s += n;
		}
	}
	free(line);
	str_free(&word);
	fclose(f);
	return 0;
}

/* The file form: "<path> [format]", already expanded. */
static void f_file(struct parser *p, size_t ci, struct ir_class_source *src,
		   const char *arg, size_t off)
{
	size_t n = strcspn(arg, " \t\n");
	const char *fmt = arg + n + strspn(arg + n, " \t\n");
	struct str probe = STR_INIT;

	src->kind = IR_CLASS_FILE;
	src->arg = arena_strndup(p->a, arg, n);
	src->format = *fmt ? arena_strdup(p->a, fmt) : NULL;
	if (src->format && scan_line(src->format, "", &probe) < 0) {
		parse_report(p, DIAG_ERROR, off, "CF000",
			     "unsupported scanf format \"%s\" (supported: text, blanks, "
			     "%%s, %%[set], %%[^set])", src->format);
		str_free(&probe);
		return;
	}
	str_free(&probe);
	if (p->opts.no_files)
		return;
	if (read_class_file(p, ci, src) == 0) {
		src->loaded = 1;
		return;
	}
	parse_report(p, src->optional ? DIAG_WARNING : DIAG_ERROR, off, "CF011",
		     "cannot open class file '%s'%s%s: %s", src->arg,
		     p->opts.root && *p->opts.root ? " under " : "",
		     p->opts.root && *p->opts.root ? p->opts.root : "", strerror(errno));
}

/* "F<class>[-o] <file> [format]", "F<class>|program", "F<class>key@map". */
void classes_f_line(struct parser *p, const char *text)
{
	struct dollar_ctx cx = parse_ctx(p);
	const char *name = NULL;
	size_t n = class_name(p, text, &name), ci, off;
	struct ir_class_source *src;
	char *arg;

	if (n == 0)
		return;
	off = 1 + n;
	ci = classes_get(p, name);
	src = add_source(p, ci, IR_CLASS_FILE);
	/* readcf: blanks, then a word starting with "-o" marks the class
	 * optional (the whole word is skipped), then blanks. */
	off += strspn(text + off, " \t\n");
	if (strncmp(text + off, "-o", 2) == 0) {
		src->optional = 1;
		off += strcspn(text + off, " \t\n");
		off += strspn(text + off, " \t\n");
	}
	arg = dollar_expand_text(&cx, text + off, parse_pos(p, off).col, parse_macro_value, p);
	if (*arg == '\0') {
		parse_report(p, DIAG_ERROR, off, "CF000",
			     "F line for class %s names no file, program or map", name);
	} else if (*arg == '|') {
		src->kind = IR_CLASS_PROGRAM;
		src->arg = arena_strdup(p->a, arg + 1);
	} else if (*arg != '/' && strchr(arg, '@') &&
		   strchr(arg, '@') < arg + strcspn(arg, " \t")) {
		src->kind = IR_CLASS_MAP;
		src->arg = arg;
	} else {
		f_file(p, ci, src, arg, off);
	}
}
