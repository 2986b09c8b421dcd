package dev.firebreak.incident;

import java.util.List;

/**
 * One page of incidents, newest first.
 *
 * @param next the following page's cursor ({@link IncidentQuery#before()}), null on the last
 * @param total how many incidents match the query in all
 */
public record IncidentPage(List<Incident> items, Long next, long total) {}
