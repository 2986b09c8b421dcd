package dev.firebreak.runbook;

import dev.firebreak.platform.FirebreakException;
import org.springframework.http.HttpStatus;

/** The git repository of a source could not be fetched or read (502: the fault is upstream). */
public final class GitSyncFailedException extends FirebreakException {
    public GitSyncFailedException(String message) {
        super(HttpStatus.BAD_GATEWAY, message);
    }
}
