package dev.firebreak.notify.internal;

import dev.firebreak.notify.RenderedMessage;

/** Turns a ledger row into words when it is sent, so a late retry says what is true then. */
public interface MessageComposer {
    /**
     * @param bundled other pages carried by this one (a burst to one person), oldest first
     */
    RenderedMessage compose(MessageRow message, java.util.List<MessageRow> bundled);
}
