package dev.firebreak.execution;

import dev.firebreak.runbook.RiskClass;
import java.util.List;
import java.util.Map;

/**
 * What a run would do, before it does: the rendered script, its risk and why, the gate it needs, the
 * runner (where and as whom), and anything that stops it now.
 *
 * @param script what runs: placeholders are quoted references to variables of {@code environment}
 * @param values each placeholder's value and where it came from is the caller's; these are the values used
 * @param missing placeholders with no value: it cannot run until they are given
 * @param scriptHash what a run request names to be sure it runs this script and no other
 * @param codeHash the step's text as the runbook has it, before parameters: what a page showed
 * @param blocked why it cannot run now (disabled for the service, cooldown), or null
 */
public record DryRun(
        long incidentId,
        String service,
        String runbook,
        int runbookVersion,
        String step,
        String script,
        Map<String, String> environment,
        RiskClass risk,
        List<String> reasons,
        Gate gate,
        String runner,
        Map<String, String> values,
        List<String> missing,
        String scriptHash,
        String codeHash,
        String blocked) {}
