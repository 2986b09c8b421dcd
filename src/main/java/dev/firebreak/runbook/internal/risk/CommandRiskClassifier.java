package dev.firebreak.runbook.internal.risk;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Classifies a fenced code block line by line as read-only, mutating or destructive. The block's
 * risk is its highest line's; caution markers in its comments or surrounding prose make it
 * destructive. Unknown commands are mutating: failing safe matters more than precision here.
 * Stateless and thread-safe.
 */
public final class CommandRiskClassifier {

    private static final int MAX_REASONS = 10;

    /** The block's risk (highest of its lines) and what raised it; risk is null for data blocks. */
    public record Assessment(String risk, List<String> reasons) {}

    /**
     * @param language the fence's language as the model reports it (bash, promql, sql, json, ...)
     * @param code the block's code
     * @param context the prose just before or after the block, or null; a caution marker in it
     *     ("USE WITH CAUTION", "WARNING: this deletes data") makes the block destructive
     */
    public Assessment classify(String language, String code, String context) {
        BlockLanguage kind = BlockLanguage.of(language);
        if (kind == BlockLanguage.DATA) {
            return new Assessment(null, List.of());
        }
        BlockAnalysis analysis = BlockAnalysis.of(kind, language, code == null ? "" : code);
        Risk risk = Risk.READ_ONLY;
        for (LineAssessment line : analysis.lines()) {
            Risk lineRisk = Risk.ofLabel(line.risk());
            risk = lineRisk.compareTo(risk) > 0 ? lineRisk : risk;
        }
        List<String> markers = new ArrayList<>();
        for (String comment : analysis.comments()) {
            markers.addAll(CautionMarkers.find(comment));
        }
        markers.addAll(CautionMarkers.find(context));
        if (!markers.isEmpty()) {
            risk = Risk.DESTRUCTIVE;
        }
        Set<String> reasons = new LinkedHashSet<>();
        int more = 0;
        for (LineAssessment line : analysis.lines()) {
            if (line.risk().equals(risk.label()) && !reasons.contains(line.reason())) {
                if (reasons.size() < MAX_REASONS) {
                    reasons.add(line.reason());
                } else {
                    more++;
                }
            }
        }
        reasons.addAll(markers);
        if (more > 0) {
            reasons.add("and " + more + " more");
        }
        if (reasons.isEmpty()) {
            reasons.add("no commands");
        }
        return new Assessment(risk.label(), List.copyOf(reasons));
    }

    /**
     * The risk of each command line of a block, for showing risk per line when executing it. Data
     * blocks have no lines; comments, blank lines and transcript output are left out.
     */
    public List<LineAssessment> lines(String language, String code) {
        BlockLanguage kind = BlockLanguage.of(language);
        if (kind == BlockLanguage.DATA) {
            return List.of();
        }
        return BlockAnalysis.of(kind, language, code == null ? "" : code).lines();
    }
}
