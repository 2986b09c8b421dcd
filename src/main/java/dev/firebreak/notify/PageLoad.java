package dev.firebreak.notify;

/**
 * How often one person was paged: a page counts once however many contact methods it went to.
 *
 * @param pages pages placed to the person in the range
 * @param outOfHours of those, pages placed outside business hours
 * @param incidents distinct incidents the pages were for
 */
public record PageLoad(String username, long pages, long outOfHours, long incidents) {}
