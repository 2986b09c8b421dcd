package dev.firebreak.statuspage;

import dev.firebreak.platform.FirebreakException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Statuspage.io's lower-case words to enum constants, with the allowed ones in the error. */
final class Values {
    private Values() {}

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value != null && value.length() <= 40) {
            try {
                return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // falls through to the error naming the allowed values
            }
        }
        throw new FirebreakException.BadInput(
                field,
                field + " is one of "
                        + Arrays.stream(type.getEnumConstants())
                                .map(c -> c.name().toLowerCase(Locale.ROOT))
                                .collect(Collectors.joining(", ")));
    }
}
