/*
 * mailer.c - U= of an M line, as sendmail's makemailer() reads it (op.txt
 * "M -- Define Mailer": "U= the user and group id to run as", a name or a
 * number each); the DefaultUser option has the same "user[:group]" form. Names are looked up in the passwd and group files; an
 * unknown one is reported at load time ("readcf: mailer U= flag: unknown
 * user NAME") and leaves the ids unset.
 */
#include "runtime/mailer.h"

#include <ctype.h>
#include <grp.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/rt.h"

/* Copy the name at *p (letters, digits, "-_.") to buf; advance *p past it
 * and one separator. */
static void take_name(const char **p, char *buf, size_t size)
{
	size_t n = 0;

	while (**p && (isalnum((unsigned char)**p) || strchr("-_.", **p))) {
		if (n + 1 < size)
			buf[n++] = **p;
		(*p)++;
	}
	buf[n] = '\0';
	while (isspace((unsigned char)**p))
		(*p)++;
	if (**p)
		(*p)++;
}

int ugid_parse(const char *p, long *uid, long *gid, const char **what,
	       const char **name)
{
	static char buf[256];
	char *end;

	*uid = *gid = -1;
	if (p == NULL)
		return 0;
	if (!isdigit((unsigned char)*p)) {
		struct passwd *pw;

		take_name(&p, buf, sizeof buf);
		if ((pw = getpwnam(buf)) == NULL) {
			*what = "user";
			*name = buf;
			return -1;
		}
		*uid = (long)pw->pw_uid;
		*gid = (long)pw->pw_gid;
	} else {
		*uid = strtol(p, &end, 0);
		for (p = end; isspace((unsigned char)*p); p++)
			;
		if (*p)
			p++;
	}
	while (isspace((unsigned char)*p))
		p++;
	if (*p == '\0')
		return 0;
	if (!isdigit((unsigned char)*p)) {
		struct group *gr;

		take_name(&p, buf, sizeof buf);
		if ((gr = getgrnam(buf)) == NULL) {
			*what = "group";
			*name = buf;
			return -1;
		}
		*gid = (long)gr->gr_gid;
	} else {
		*gid = strtol(p, NULL, 0);
	}
	return 0;
}

int mailer_ugid(const struct ir_mailer *m, long *uid, long *gid,
		const char **what, const char **name)
{
	return ugid_parse(ir_field_get(m->fields, m->nfields, 'U'), uid, gid, what, name);
}

void mailer_check_all(struct rt *rt, FILE *err)
{
	const struct cf *cf = rt->cf;

	for (size_t i = 0; err && i < cf->nmailers; i++) {
		const char *what, *name;
		long uid, gid;

		if (mailer_ugid(&cf->mailers[i], &uid, &gid, &what, &name) < 0)
			rt_syserr_at(rt, err, &cf->mailers[i].pos,
				     "readcf: mailer U= flag: unknown %s %s", what, name);
	}
}

const struct ir_mailer *mailer_find(const struct rt *rt, const char *name)
{
	static struct ir_field file_f[] = { { 'T', "X-Unix/X-Unix/X-Unix" } };
	static const struct ir_mailer builtin[] = {
		{ "prog", "/bin/sh", "lsouDq9", "sh -c $u", file_f, 1, { 0 } },
		{ "*file*", "[FILE]", "lsDFMPEouq9", "FILE $u", file_f, 1, { 0 } },
		{ "*include*", "/dev/null", "su", "INCLUDE $u", NULL, 0, { 0 } },
	};
	const struct ir_mailer *m = cf_mailer(rt->cf, name);

	for (size_t i = 0; !m && i < sizeof builtin / sizeof builtin[0]; i++)
		if (strcmp(builtin[i].name, name) == 0)
			m = &builtin[i];
	return m;
}
