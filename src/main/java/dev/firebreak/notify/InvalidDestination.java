package dev.firebreak.notify;

import dev.firebreak.platform.FirebreakException;
import org.springframework.http.HttpStatus;

/** An address or URL no message could go to, or one the network policy refuses (400, with the field). */
public class InvalidDestination extends FirebreakException {
    private final String field;

    public InvalidDestination(String field, String message) {
        super(HttpStatus.BAD_REQUEST, message);
        this.field = field;
    }

    @Override
    public String field() {
        return field;
    }
}
