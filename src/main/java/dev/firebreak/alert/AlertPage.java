package dev.firebreak.alert;

import java.util.List;

/**
 * One page of alerts, newest first.
 *
 * @param next the cursor of the following page ({@link AlertFilter#before()}), null on the last
 * @param total how many alerts match in all, when the database can count them (status and time
 *     filters); null when text or label filters apply, which only a full scan could count
 * @param scanned rows read to fill this page: a rare match over a long history may return a short
 *     page with a {@code next} cursor rather than read the whole table in one request
 */
public record AlertPage(List<Alert> items, Long next, Long total, long scanned) {}
