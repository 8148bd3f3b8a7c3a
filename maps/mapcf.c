/*
 * mapcf.c - read one "O Name=value" option from a cf (see mapcf.h).
 *
 * Lines are bounded by LIMIT_CF_LINE (longer ones are skipped). Names
 * compare case-insensitively, as sendmail's option names do.
 */
#include "maps/mapcf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lib/limits.h"
#include "lib/str.h"
#include "lib/xalloc.h"
#include "maps/lineread.h"

/* The value in line if it sets option name, else NULL. */
static const char *option_value(const char *line, const char *name)
{
	size_t n = strlen(name);
	if (line[0] != 'O' || (line[1] != ' ' && line[1] != '\t'))
		return NULL;
	line += 1 + strspn(line + 1, " \t");
	if (strncasecmp(line, name, n) != 0)
		return NULL;
	line += n;
	line += strspn(line, " \t");
	if (*line != '=')
		return NULL;
	return line + 1 + strspn(line + 1, " \t");
}

char *mapcf_option(const char *path, const char *name, int *readable)
{
	FILE *f = fopen(path, "r");
	*readable = f != NULL;
	if (f == NULL)
		return NULL;
	struct str line = STR_INIT;
	char *value = NULL;
	int toolong, nonl;
	while (lineread(f, &line, LIMIT_CF_LINE, &toolong, &nonl) == 1) {
		const char *v = toolong || !line.s ? NULL : option_value(line.s, name);
		if (v == NULL)
			continue;
		size_t len = strlen(v);
		while (len > 0 && (v[len - 1] == ' ' || v[len - 1] == '\t'))
			len--;
		free(value);
		value = xstrndup(v, len);
	}
	str_free(&line);
	fclose(f);
	return value;
}
