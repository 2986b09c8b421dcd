package dev.firebreak.postmortem;

import java.util.Set;

/** Where a postmortem is: written, read by others, out. */
public enum PostmortemState {
    DRAFT,
    IN_REVIEW,
    PUBLISHED;

    /** Review goes both ways; a published one goes back to review to be corrected. */
    public boolean canMoveTo(PostmortemState next) {
        return switch (this) {
            case DRAFT -> next == IN_REVIEW;
            case IN_REVIEW -> Set.of(DRAFT, PUBLISHED).contains(next);
            case PUBLISHED -> next == IN_REVIEW;
        };
    }
}
