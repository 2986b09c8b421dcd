package dev.firebreak.runbook;

import java.util.List;

/** How many error and warning findings the linter reported for a runbook version. */
public record LintStatus(int errors, int warnings) {

    public static LintStatus of(List<RunbookModel.Finding> findings) {
        int errors = 0;
        int warnings = 0;
        for (RunbookModel.Finding finding : findings == null ? List.<RunbookModel.Finding>of() : findings) {
            if ("error".equals(finding.severity())) {
                errors++;
            } else if ("warning".equals(finding.severity())) {
                warnings++;
            }
        }
        return new LintStatus(errors, warnings);
    }
}
