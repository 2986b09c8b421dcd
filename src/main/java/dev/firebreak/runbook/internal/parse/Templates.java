package dev.firebreak.runbook.internal.parse;

import dev.firebreak.runbook.RunbookModel.Template;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Message templates: non-command fenced blocks under a "Communication Templates"-like heading. */
final class Templates {
    private static final Pattern TEMPLATE_HEADING = Pattern.compile(
            "(?i).*\\b(?:templates?|communications?|notifications?|announcements?|messages?|status updates?)\\b.*");
    private static final List<String[]> KINDS = List.of(
            new String[] {"postmortem", "(?i).*\\b(?:post-?mortem|retro\\w*|action items|incident report|lessons)\\b.*"
            },
            new String[] {"resolution", "(?i).*\\b(?:resol\\w*|all[- ]clear|closed?|closure|recovered)\\b.*"},
            new String[] {"update", "(?i).*\\b(?:updates?|progress|status)\\b.*"},
            new String[] {
                "initial",
                "(?i).*\\b(?:initial|first|declar\\w*|alert|notification|open\\w*|start\\w*|acknowledg\\w*)\\b.*"
            });

    private Templates() {}

    static Optional<Template> of(CommandBlocks.Block block, Outline outline) {
        if (CodeLanguage.executable(block.command().language())
                || CodeLanguage.boxDrawn(block.command().code())) {
            return Optional.empty();
        }
        Outline.Part part = outline.at(block.command().line());
        if (part == null
                || part.titles().stream()
                        .noneMatch(t -> TEMPLATE_HEADING.matcher(t).matches())) {
            return Optional.empty();
        }
        String kind = "other";
        search:
        for (String title : part.titles()) {
            for (String[] k : KINDS) {
                if (title.matches(k[1])) {
                    kind = k[0];
                    break search;
                }
            }
        }
        return Optional.of(new Template(part.title, kind, block.command().code()));
    }
}
