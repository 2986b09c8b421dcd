package dev.firebreak.runbook.internal.search;

import dev.firebreak.runbook.RunbookModel;
import dev.firebreak.runbook.internal.library.RunbookStore;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * The searchable text of one runbook version.
 *
 * @param stem the file name without extension: in alert-per-file collections, the alert name
 * @param alerts other names the runbook answers to: an alert-like title, alert rule names, the
 *     front-matter title
 * @param names every name an alert may have in this runbook, with where it is written
 */
record IndexedRunbook(
        String slug,
        String stamp,
        String title,
        String stem,
        List<String> alerts,
        List<WrittenName> names,
        String sections,
        String symptoms,
        String commands,
        String body) {
    /** One word such as KubePodCrashLooping or etcdNoLeader: mixed case, no spaces or dots. */
    private static final Pattern ALERT_LIKE = Pattern.compile("(?=.*[a-z])(?=.*[A-Z])[A-Za-z][A-Za-z0-9_:]{2,}");

    /** A name as the runbook writes it ("No Active Workers"), and where. */
    record WrittenName(NameSource source, String text) {}

    static IndexedRunbook of(RunbookStore.Stored stored, JsonMapper json) {
        RunbookModel model = json.readValue(stored.modelJson(), RunbookModel.class);
        String fileName = stored.fileName();
        int dot = fileName.lastIndexOf('.');
        String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
        Set<String> alerts = new LinkedHashSet<>();
        Set<WrittenName> names = new LinkedHashSet<>();
        String title = model.title() == null ? fileName : model.title().strip();
        if (ALERT_LIKE.matcher(title).matches()) {
            alerts.add(title);
        }
        names.add(new WrittenName(NameSource.TITLE, title));
        for (RunbookModel.AlertRule rule : nonNull(model.alertRules())) {
            if (rule.name() != null && !rule.name().isBlank()) {
                alerts.add(rule.name().strip());
                names.add(new WrittenName(NameSource.ALERT_RULE, rule.name().strip()));
            }
        }
        if (model.metadata() != null
                && model.metadata().frontMatter() != null
                && model.metadata().frontMatter().get("title") instanceof String frontTitle
                && !frontTitle.isBlank()) {
            alerts.add(frontTitle.strip());
            names.add(new WrittenName(NameSource.FRONT_MATTER, frontTitle.strip()));
        }
        names.add(new WrittenName(NameSource.FILE_NAME, stem));
        List<String> sections = new ArrayList<>();
        collect(nonNull(model.sections()), sections);
        for (String heading : sections) {
            if (heading != null && !heading.isBlank()) {
                names.add(new WrittenName(NameSource.HEADING, heading.strip()));
            }
        }
        List<String> symptoms = new ArrayList<>();
        for (RunbookModel.Procedure procedure : nonNull(model.procedures())) {
            symptoms.addAll(nonNull(procedure.symptoms()));
        }
        List<String> commands = new ArrayList<>();
        for (RunbookModel.Command command : nonNull(model.commands())) {
            commands.add(command.code());
        }
        return new IndexedRunbook(
                stored.version().slug(),
                stored.stamp(),
                title,
                stem,
                List.copyOf(alerts),
                List.copyOf(names),
                String.join("\n", sections),
                String.join("\n", symptoms),
                String.join("\n", commands),
                stored.markdown());
    }

    private static void collect(List<RunbookModel.Section> sections, List<String> into) {
        for (RunbookModel.Section section : sections) {
            into.add(section.title());
            collect(nonNull(section.children()), into);
        }
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
