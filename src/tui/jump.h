/*
 * jump.h: the jump list. Before every jump (Enter, a goto, a search that
 * moves) the reader pushes where it was: the focused pane and each pane's
 * top position (with the text there, so that it survives a resize) and
 * selection. Back pops the newest entry. The list is
 * bounded: pushing onto a full list drops the oldest entry.
 */
#ifndef GLOSS_TUI_JUMP_H
#define GLOSS_TUI_JUMP_H

#include <stddef.h>

#include "view.h"

#define JUMP_PANES 3

struct jump_pane {
	struct view_pos pos;	/* the top of the pane, and its text */
	size_t sel;		/* selected item */
};

struct jump {
	int focus;
	struct jump_pane pane[JUMP_PANES];
};

struct jumplist {
	struct jump *v;
	size_t n, cap, max;
};

/** An empty list holding at most max entries (max >= 1). */
void jump_init(struct jumplist *jl, size_t max);
void jump_free(struct jumplist *jl);
/** Push a place; drops the oldest when full. */
void jump_push(struct jumplist *jl, const struct jump *j);
/** Pop the newest place into *j; returns 0 if the list is empty. */
int jump_back(struct jumplist *jl, struct jump *j);

#endif
