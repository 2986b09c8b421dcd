package dev.firebreak.notify;

import java.time.Instant;

/**
 * For providers whose channel confirms delivery later (an SMS gateway's callback): moves the
 * message from SENT to DELIVERED, once.
 */
public interface DeliveryReceipts {
    /** @return false when no sent message has that key (unknown, or already delivered) */
    boolean delivered(String messageKey, Instant at);
}
