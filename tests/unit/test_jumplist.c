/*
 * test_jumplist.c: the reader's jump list (src/tui/jump.c): newest first
 * back, bounded size dropping the oldest, empty list refusal.
 */
#include "config.h"

#include <string.h>

#include "../../src/tui/jump.h"
#include "../tap.h"

static struct jump
place(int focus, size_t n)
{
	struct jump j;
	int k;

	memset(&j, 0, sizeof j);
	j.focus = focus;
	for (k = 0; k < JUMP_PANES; k++) {
		j.pane[k].pos.top = n + (size_t)k;
		j.pane[k].pos.line = (int)n % 3;
		j.pane[k].sel = n * 10 + (size_t)k;
	}
	return j;
}

int
main(void)
{
	struct jumplist jl;
	struct jump j, want;
	size_t i;
	int good = 1;

	jump_init(&jl, 4);
	ok(!jump_back(&jl, &j), "an empty list has nothing to go back to");
	want = place(2, 7);
	jump_push(&jl, &want);
	ok(jump_back(&jl, &j), "back after one push");
	ok(memcmp(&j, &want, sizeof j) == 0,
	    "restores pane, position and selection");
	ok(!jump_back(&jl, &j), "and the list is empty again");

	for (i = 1; i <= 6; i++) {
		want = place((int)i % 3, i);
		jump_push(&jl, &want);
	}
	is_int((long long)jl.n, 4, "a full list keeps its limit");
	for (i = 6; i >= 3; i--) {
		want = place((int)i % 3, i);
		if (!jump_back(&jl, &j) || memcmp(&j, &want, sizeof j) != 0)
			good = 0;
	}
	ok(good, "back returns the newest first, down to the oldest kept");
	ok(!jump_back(&jl, &j), "the two oldest were dropped");
	jump_free(&jl);

	jump_init(&jl, 0);
	is_int((long long)jl.max, 1, "a limit of 0 holds one entry");
	jump_free(&jl);
	return tap_done();
}
