package dev.firebreak.execution;

import dev.firebreak.runbook.RiskClass;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request to run a runbook command, with its gate and, once it ran, how it ended. The script is
 * the one rendered at request time: an approval is of exactly this text.
 *
 * @param environment the placeholders' values, as the variables the script refers to ({@code FB_POD_NAME})
 * @param trigger {@code PERSON}, or {@code ROUTE} for diagnostics run when the incident opened
 * @param outputBytes output kept (redacted, at most the cap); droppedBytes were counted past it
 */
public record CommandRun(
        long id,
        long incidentId,
        String service,
        String runbook,
        int runbookVersion,
        String step,
        String script,
        Map<String, String> environment,
        String scriptHash,
        RiskClass risk,
        List<String> reasons,
        RunState state,
        String trigger,
        String requestedBy,
        Instant requestedAt,
        String approvedBy,
        String approvalReason,
        Instant approvedAt,
        Instant approvalExpiresAt,
        String startedBy,
        Instant startedAt,
        Instant endedAt,
        Integer exitCode,
        long outputBytes,
        long droppedBytes,
        Long durationMillis,
        String runner,
        String error) {}
