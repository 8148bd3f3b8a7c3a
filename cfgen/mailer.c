/*
 * mailer.c - "NAME, L=value, ..." field lists (see mailer.h).
 *
 * Linear in the line; values are copied into the configuration's arena.
 * The letters tables mirror op.txt 5.7 (mailers), 5.11 (queue groups,
 * "Q=... P= F= N= I= R= J= r="), and 5.12 (milters, "S= F= T=").
 */
#include "cfgen/mailer.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "cfgen/dollar.h"
#include "lib/arena.h"
#include "lib/xalloc.h"

const char mailer_letters[] = "PFSRAEMmrLDUNCTWQ/";
const char mailer_qgroup_letters[] = "PFNIRJr";
const char mailer_milter_letters[] = "SFT";
const char mailer_flags[] =
	"aAbcCdDeEfFghiIjklLmMnopPqrRsSuUwWxXzZ0123456789:|/@%!";

size_t mailer_munch(const char *s, char delim, struct str *out, int *unclosed)
{
	int quoted = 0;
	size_t i = 0;

	for (; s[i]; i++) {
		char c = s[i];
		if (c == '\\' && s[i + 1]) {
			c = s[++i];
			switch (c) {
			case 'n': c = '\n'; break;
			case 'r': c = '\r'; break;
			case 'f': c = '\f'; break;
			case 'b': c = '\b'; break;
			default: break;
			}
			str_appendc(out, c);
			continue;
		}
		if (c == '"') {
			quoted = !quoted;
			continue;
		}
		if (!quoted && delim && c == delim)
			break;
		str_appendc(out, c);
	}
	*unclosed = quoted;
	return i;
}

/* Field syntax errors are CF009 (mailer definition problems). */
#define field_err(cx, col, ...) dollar_error((cx), (col), "CF009", __VA_ARGS__)

/* Parse one "L=value" at text[*i]; appends to the field vector. */
static int one_field(const struct dollar_ctx *cx, const char *text, size_t *i,
		     unsigned col0, const char *what, const char *name,
		     const char *letters, struct ir_field **v, size_t *n, size_t *cap)
{
	size_t start = *i, j = *i;
	struct str val = STR_INIT;
	int unclosed;

	while (isalpha((unsigned char)text[j]) || text[j] == '/')
		j++;
	while (text[j] == ' ' || text[j] == '\t')
		j++;
	if (j == start || text[j] != '=') {
		field_err(cx, col0 + (unsigned)start, "%s %s: expected a field 'X=value', saw '%.20s'",
			  what, name, text + start);
		return -1;
	}
	if (!strchr(letters, text[start])) {
		field_err(cx, col0 + (unsigned)start, "%s %s: unknown field '%c=' (known: %s)",
			  what, name, text[start], letters);
		return -1;
	}
	j++;
	while (text[j] == ' ' || text[j] == '\t')
		j++;
	j += mailer_munch(text + j, ',', &val, &unclosed);
	if (unclosed) {
		field_err(cx, col0 + (unsigned)start, "%s %s: unbalanced '\"' in field '%c='",
			  what, name, text[start]);
		str_free(&val);
		return -1;
	}
	if (*n == *cap) {
		*cap = *cap ? size_mul(*cap, 2) : 8;
		*v = xreallocarray(*v, *cap, sizeof **v);
	}
	(*v)[(*n)++] = (struct ir_field){ text[start],
					  arena_strdup(cx->arena, str_cstr(&val)) };
	str_free(&val);
	*i = j;
	return 0;
}

int mailer_parse(const struct dollar_ctx *cx, const char *text, unsigned col0,
		 const char *what, const char *letters, const char **name,
		 struct ir_field **fields, size_t *nfields)
{
	size_t i = strcspn(text, ", \t\n"), cap = 0, n = 0;
	struct ir_field *v = NULL;
	int rc = 0;

	if (i == 0) {
		field_err(cx, col0, "name required for %s", what);
		return -1;
	}
	*name = arena_strndup(cx->arena, text, i);
	for (;;) {
		while (text[i] && strchr(", \t\n", text[i]))
			i++;
		if (text[i] == '\0')
			break;
		if (one_field(cx, text, &i, col0, what, *name, letters, &v, &n, &cap) < 0) {
			rc = -1;
			break;
		}
	}
	*nfields = n;
	*fields = n ? arena_memdup(cx->arena, v, n * sizeof *v) : NULL;
	free(v);
	return rc;
}
