/*
 * jump.c: the jump list (see jump.h). Entries are kept oldest first in
 * v[0..n); n never exceeds max.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "gloss/xmalloc.h"
#include "jump.h"

void
jump_init(struct jumplist *jl, size_t max)
{
	memset(jl, 0, sizeof *jl);
	jl->max = max < 1 ? 1 : max;
}

void
jump_free(struct jumplist *jl)
{
	free(jl->v);
	memset(jl, 0, sizeof *jl);
}

void
jump_push(struct jumplist *jl, const struct jump *j)
{
	if (jl->n == jl->max) {
		memmove(jl->v, jl->v + 1, (jl->n - 1) * sizeof *jl->v);
		jl->n--;
	}
	jl->v = xgrow(jl->v, &jl->cap, jl->n + 1, sizeof *jl->v);
	jl->v[jl->n++] = *j;
}

int
jump_back(struct jumplist *jl, struct jump *j)
{
	if (jl->n == 0)
		return 0;
	*j = jl->v[--jl->n];
	return 1;
}
