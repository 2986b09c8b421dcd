package dev.firebreak.notify;

import java.time.Instant;

/** A verification code on its way: the ledger message that carries it and when the code expires. */
public record VerificationSent(long contactMethodId, long messageId, String address, Instant expiresAt) {}
