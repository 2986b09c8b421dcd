package dev.firebreak.runbook.internal.library;

import dev.firebreak.runbook.LintStatus;
import dev.firebreak.runbook.RunbookModel;
import java.time.Instant;

/** The columns of {@code runbooks} that repeat parts of the current model, clipped to fit. */
public final class ModelColumns {
    private ModelColumns() {}

    public static RunbookStore.Current of(String fileName, RunbookModel model, String source, Instant at) {
        RunbookModel.Metadata metadata = model.metadata();
        String title = model.title() == null || model.title().isBlank() ? fileName : model.title();
        return new RunbookStore.Current(
                fileName,
                clip(title, 1000),
                metadata == null ? null : clip(metadata.owner(), 500),
                metadata == null ? null : clip(metadata.lastUpdated(), 10),
                metadata == null ? null : clip(metadata.reviewSchedule(), 200),
                LintStatus.of(model.findings()),
                clip(source, 1000),
                at);
    }

    public static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
