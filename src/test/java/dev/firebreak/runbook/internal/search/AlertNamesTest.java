package dev.firebreak.runbook.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** An alert name and the same name written as words, in any case or separator, are one name. */
class AlertNamesTest {

    @Example
    void theNamesUsersWrite() {
        assertThat(AlertNames.names("No Active Workers", "NoActiveWorkers")).isTrue();
        assertThat(AlertNames.names("Queue Backlog", "QueueBacklog")).isTrue();
        assertThat(AlertNames.names("Queue Backlog", "queue_backlog")).isTrue();
        assertThat(AlertNames.names("Queue Backlog", "queue-backlog")).isTrue();
        assertThat(AlertNames.names("HTTP Error Rate", "HTTPErrorRate")).isTrue();
        assertThat(AlertNames.names("Disk Will Fill In 4 Hours", "DiskWillFillIn4Hours"))
                .isTrue();
        assertThat(AlertNames.names("KubePodCrashLooping", "kubepodcrashlooping"))
                .isTrue();
    }

    @Example
    void headingsMayCarryALabelNumberingOrQualifier() {
        assertThat(AlertNames.names("Issue: Queue Backlog", "QueueBacklog")).isTrue();
        assertThat(AlertNames.names("1. No Active Workers", "NoActiveWorkers")).isTrue();
        assertThat(AlertNames.names("Queue Backlog (critical)", "QueueBacklog")).isTrue();
        assertThat(AlertNames.names("Issue: Queue Backlog [P1]", "QueueBacklog"))
                .isTrue();
        assertThat(AlertNames.names("🚨 Queue Backlog", "QueueBacklog")).isTrue();
    }

    @Example
    void aNameInsideLongerWordsIsAnotherName() {
        assertThat(AlertNames.names("Queue Backlog Cleanup", "QueueBacklog")).isFalse();
        assertThat(AlertNames.names("Queue", "QueueBacklog")).isFalse();
        assertThat(AlertNames.names("Queue Backlog", "Queue")).isFalse();
        assertThat(AlertNames.names("Issue: Queue Backlog", "Issue")).isFalse();
        assertThat(AlertNames.names("Queue Backlog", "")).isFalse();
        assertThat(AlertNames.names("!!!", "!!!")).isFalse();
    }

    @Property
    void everySpellingOfTheWordsNamesTheAlert(@ForAll("words") List<String> words) {
        String alert = pascal(words);
        for (String written : spellings(words)) {
            assertThat(AlertNames.names(written, alert))
                    .as(written + " names " + alert)
                    .isTrue();
            assertThat(AlertNames.names(alert, written))
                    .as(alert + " names " + written)
                    .isTrue();
        }
    }

    @Property
    void anAcronymIsOneWord(@ForAll("acronyms") String acronym, @ForAll("words") List<String> words) {
        String alert = acronym + pascal(words); // HTTPErrorRate
        String written = acronym + " " + title(words); // HTTP Error Rate
        assertThat(AlertNames.names(written, alert)).isTrue();
        assertThat(AlertNames.names("Issue: " + written + " (critical)", alert)).isTrue();
    }

    @Property
    void moreOrFewerWordsAreAnotherName(@ForAll("words") List<String> words, @ForAll("word") String extra) {
        String alert = pascal(words);
        assertThat(AlertNames.names(title(words) + " " + capitalized(extra), alert))
                .isFalse();
        assertThat(AlertNames.names(capitalized(extra) + " " + title(words), alert))
                .isFalse();
        if (words.size() > 1) {
            assertThat(AlertNames.names(title(words.subList(1, words.size())), alert))
                    .isFalse();
        }
    }

    @Property
    void theKeyIgnoresCaseAndSeparatorsOnly(@ForAll("words") List<String> words) {
        String key = String.join("", words);
        for (String written : spellings(words)) {
            assertThat(AlertNames.key(written)).isEqualTo(key);
        }
    }

    @Provide
    Arbitrary<List<String>> words() {
        return word().list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<String> word() {
        Arbitrary<String> letters =
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
        return Arbitraries.frequencyOf(
                Tuple.of(9, letters),
                Tuple.of(1, Arbitraries.integers().between(0, 999).map(String::valueOf)));
    }

    @Provide
    Arbitrary<String> acronyms() {
        return Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(2).ofMaxLength(5);
    }

    /** NoActiveWorkers, noActiveWorkers, no_active_workers, NO_ACTIVE_WORKERS, no-active-workers, "No Active Workers", ... */
    private static List<String> spellings(List<String> words) {
        return List.of(
                pascal(words),
                Character.toLowerCase(pascal(words).charAt(0)) + pascal(words).substring(1),
                String.join("_", words),
                String.join("_", words).toUpperCase(Locale.ROOT),
                String.join("-", words),
                String.join(" ", words),
                title(words),
                title(words).toUpperCase(Locale.ROOT),
                String.join(".", words));
    }

    private static String pascal(List<String> words) {
        return words.stream().map(AlertNamesTest::capitalized).collect(Collectors.joining());
    }

    private static String title(List<String> words) {
        return words.stream().map(AlertNamesTest::capitalized).collect(Collectors.joining(" "));
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
