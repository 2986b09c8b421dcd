package dev.firebreak.escalation;

import java.util.List;

/**
 * A role named on the escalation paths of runbooks, with what it is mapped to.
 *
 * @param role the role as first written ("On-call")
 * @param spellings every way runbooks write it ("On-call", "Oncall"); a mapping covers them all
 * @param runbooks slugs of the runbooks whose matrix names it
 * @param target what it pages, or null when unmapped
 */
public record RunbookRole(String role, List<String> spellings, List<String> runbooks, StepTarget target) {
    public boolean mapped() {
        return target != null;
    }
}
