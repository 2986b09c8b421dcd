package dev.firebreak.runbook.internal.risk;

import java.util.List;

/**
 * Classifies a fenced code block line by line as read-only, mutating or destructive. Stub: the
 * real classifier replaces this body; the signature is the contract the parser calls.
 */
public final class CommandRiskClassifier {

    /** The block's risk (highest of its lines) and what raised it; risk is null for data blocks. */
    public record Assessment(String risk, List<String> reasons) {}

    /**
     * @param language the fence's language as the model reports it (bash, promql, sql, json, ...)
     * @param code the block's code
     * @param context the prose just before the block (a "USE WITH CAUTION" warning raises risk)
     */
    public Assessment classify(String language, String code, String context) {
        return new Assessment("mutating", List.of("unknown command"));
    }
}
