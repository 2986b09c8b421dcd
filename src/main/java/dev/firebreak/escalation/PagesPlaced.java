package dev.firebreak.escalation;

import java.util.List;

/**
 * An escalation advance wrote its pages. Published inside the advance's transaction and handled
 * there too (a plain listener), so notify's messages commit or roll back with the pages.
 */
public record PagesPlaced(long incidentId, int seq, List<Page> pages) {}
