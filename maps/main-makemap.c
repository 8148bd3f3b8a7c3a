/*
 * main-makemap.c - makemap(8): build a map from stdin, dump it, or lint
 * the source (--lint). See docs/makemap.8; the work is in maps/makemap.c
 * and maps/maplint.c. Exit codes are sendmail's sysexits.
 */
#include <getopt.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "lib/diag.h"
#include "lib/num.h"
#include "maps/makemap.h"
#include "maps/mapcf.h"
#include "maps/maplint.h"

/* What the command line asked for. */
struct args {
	struct makemap_opts o;
	const char *cf, *fallback, *type, *mapname;
	int list, dump, dups, cf_given;
	struct maplint_opts lint;
	int lint_on;
	const char *format, *disable;
	int werror;
};

/* Print the synopsis and return EX_USAGE. */
static int usage(void)
{
	fputs("Usage: makemap [-C cffile] [-N] [-c cachesize] [-D commentchar]\n"
	      "               [-d] [-e] [-f] [-i type] [-l] [-o] [-r] [-s] [-t delimiter]\n"
	      "               [-u] [-v] type mapname\n"
	      "       makemap --lint [--kind=K] [--format=text|json|sarif] [--werror]\n"
	      "               [--disable=IDS] [--local-domains=D,..] [--mailers=M,..]\n"
	      "               [--smart-host] [--source=FILE] type mapname\n", stderr);
	return EX_USAGE;
}

/* The single character of a -t/-D argument, or -1. */
static int one_char(const char *s)
{
	return s[0] != '\0' && s[1] == '\0' ? (unsigned char)s[0] : -1;
}

/* Parse argv into a; 0 or an exit status. */
static int parse_args(int argc, char **argv, struct args *a)
{
	static const struct option longopts[] = {
		{ "lint", no_argument, NULL, 'L' }, { "kind", required_argument, NULL, 'K' },
		{ "format", required_argument, NULL, 'F' }, { "werror", no_argument, NULL, 'W' },
		{ "disable", required_argument, NULL, 'X' },
		{ "local-domains", required_argument, NULL, 'H' },
		{ "mailers", required_argument, NULL, 'M' },
		{ "source", required_argument, NULL, 'S' },
		{ "smart-host", no_argument, NULL, 'R' }, { NULL, 0, NULL, 0 },
	};
	long long n;
	int c;
	while ((c = getopt_long(argc, argv, "C:Nc:D:defi:lorst:uv", longopts, NULL)) != -1) {
		switch (c) {
		case 'C': a->cf = optarg; a->cf_given = 1; break;
		case 'N': a->o.nul = 1; break;
		case 'c':
			if (parse_num(optarg, 0, 1LL << 40, &n) < 0) {
				fprintf(stderr, "makemap: -c: bad cache size \"%s\"\n", optarg);
				return EX_USAGE;
			}
			a->o.cache_bytes = (size_t)n;
			break;
		case 'D': case 't':
			if (one_char(optarg) < 0) {
				fprintf(stderr, "makemap: -%c takes one character\n", c);
				return EX_USAGE;
			}
			*(c == 'D' ? &a->o.src.comment : &a->o.src.delim) = one_char(optarg);
			break;
		case 'd': a->dups = 1; break;
		case 'e': a->o.src.allow_empty = 1; break;
		case 'f': a->o.src.fold = 0; break;
		case 'i': a->fallback = optarg; break;
		case 'l': a->list = 1; break;
		case 'o': a->o.append = 1; break;
		case 'r': a->o.replace = 1; break;
		case 's': a->o.unsafe = 1; break;
		case 'u': a->dump = 1; break;
		case 'v': a->o.verbose = 1; break;
		case 'L': a->lint_on = 1; break;
		case 'K': a->lint.kind = optarg; break;
		case 'F': a->format = optarg; break;
		case 'W': a->werror = 1; break;
		case 'X': a->disable = optarg; break;
		case 'H': a->lint.local_domains = optarg; break;
		case 'M': a->lint.mailers = optarg; break;
		case 'S': a->lint.source = optarg; break;
		case 'R': a->lint.smart_host = 1; break;
		default: return usage();
		}
	}
	if (a->list)
		return 0;
	if (argc - optind != 2)
		return usage();
	a->type = argv[optind];
	a->mapname = argv[optind + 1];
	return 0;
}

/* Pick the type to build (-i fallback); NULL after a message. */
static const char *choose_type(const struct args *a)
{
	for (int pass = 0; pass < 2; pass++) {
		const char *t = pass ? a->fallback : a->type;
		for (int i = 0; t && makemap_types[i]; i++)
			if (strcmp(t, makemap_types[i]) == 0)
				return t;
	}
	fprintf(stderr, "makemap: cannot build map type \"%s\" "
		"(supported: hash, btree, cdb, implicit)\n", a->type);
	return NULL;
}

/* Under root, give the map to the cf's TrustedUser. 0 or exit status. */
static int set_owner(struct args *a)
{
	int readable;
	char *user = mapcf_option(a->cf, "TrustedUser", &readable);
	if (!readable && a->cf_given) {
		fprintf(stderr, "makemap: %s: cannot read\n", a->cf);
		return EX_NOINPUT;
	}
	struct passwd *pw = user && geteuid() == 0 ? getpwnam(user) : NULL;
	if (pw != NULL) {
		a->o.owner = pw->pw_uid;
		a->o.group = pw->pw_gid;
	}
	free(user);
	return 0;
}

static const int status_exit[] = {
	[MAKEMAP_OK] = EX_OK, [MAKEMAP_DATAERR] = EX_DATAERR,
	[MAKEMAP_CANTCREAT] = EX_CANTCREAT, [MAKEMAP_IOERR] = EX_IOERR,
};

int main(int argc, char **argv)
{
	struct args a = { .cf = "/etc/mail/sendmail.cf" };
	makemap_opts_init(&a.o);
	int rc = parse_args(argc, argv, &a);
	if (rc != 0)
		return rc;
	if (a.list) {
		for (int i = 0; makemap_types[i]; i++)
			puts(makemap_types[i]);
		return EX_OK;
	}
	if (a.lint_on)
		return maplint_main(stdin, a.type, a.mapname, &a.lint, a.format,
				    a.disable, a.werror);
	if (a.dups) {
		fputs("makemap: -d (duplicate keys) needs a Berkeley DB btree; "
		      "GDBM and cdb maps hold one value per key\n", stderr);
		return EX_USAGE;
	}
	const char *type = choose_type(&a);
	if (type == NULL)
		return EX_CANTCREAT;	/* as sendmail: it cannot open such a map */
	if ((rc = set_owner(&a)) != 0)
		return rc;
	struct diag *d = diag_new(DIAG_TEXT, stderr, "makemap");
	enum makemap_status st = a.dump
		? makemap_dump(type, a.mapname, a.o.src.delim < 0 ? '\t' : (char)a.o.src.delim, stdout, d)
		: makemap_build(stdin, a.mapname, type, a.mapname, &a.o, d,
				a.o.verbose ? stdout : NULL);
	diag_free(&d);
	if (fflush(stdout) != 0 && st == MAKEMAP_OK)
		st = MAKEMAP_IOERR;
	return status_exit[st];
}
