package dev.firebreak.runbook;

import dev.firebreak.platform.FirebreakException;
import org.springframework.http.HttpStatus;

/** The content is not a runbook we can read: empty, binary, not UTF-8, or over the size limit. */
public final class UnreadableRunbookException extends FirebreakException {
    public UnreadableRunbookException(String message) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, message);
    }
}
