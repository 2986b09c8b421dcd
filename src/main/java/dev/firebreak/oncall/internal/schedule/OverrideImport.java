package dev.firebreak.oncall.internal.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Whom an imported calendar event is for: an attendee's email, the organizer, else a name in the summary. */
public final class OverrideImport {
    private OverrideImport() {}

    public static Optional<String> person(
            IcsCalendars.Event event, Map<String, String> usernameByEmail, Predicate<String> userExists) {
        List<String> candidates = new ArrayList<>(event.attendees());
        if (event.organizer() != null) {
            candidates.add(event.organizer());
        }
        for (String address : candidates) {
            String email = address.replaceFirst("(?i)^mailto:", "").strip().toLowerCase(Locale.ROOT);
            if (usernameByEmail.containsKey(email)) {
                return Optional.of(usernameByEmail.get(email));
            }
        }
        if (event.summary() == null) {
            return Optional.empty();
        }
        String summary = event.summary().strip();
        List<String> words = new ArrayList<>(List.of(summary));
        words.addAll(List.of(summary.split("[\\s,:;()\\[\\]<>\"']+")));
        for (String word : words) {
            String w = word.strip();
            if (w.isEmpty()) {
                continue;
            }
            if (usernameByEmail.containsKey(w.toLowerCase(Locale.ROOT))) {
                return Optional.of(usernameByEmail.get(w.toLowerCase(Locale.ROOT)));
            }
            if (userExists.test(w)) {
                return Optional.of(w);
            }
        }
        return Optional.empty();
    }
}
