package dev.firebreak.notify;

import dev.firebreak.platform.FirebreakException;
import org.springframework.http.HttpStatus;

/** Asked again too soon (a verification code was just sent): 429, try after the wait it names. */
public class TooSoon extends FirebreakException {
    public TooSoon(String message) {
        super(HttpStatus.TOO_MANY_REQUESTS, message);
    }
}
