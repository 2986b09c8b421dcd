package dev.firebreak.runbook.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.runbook.LintStatus;
import dev.firebreak.runbook.RunbookModel;
import dev.firebreak.runbook.RunbookSearch;
import dev.firebreak.runbook.RunbookVersion;
import dev.firebreak.runbook.SearchHit;
import dev.firebreak.runbook.internal.library.RunbookStore;
import dev.firebreak.support.ServerTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Another node writes straight to the shared database; this node's index catches up. */
@Tag("database")
class IndexRefreshIT extends ServerTest {
    @Autowired
    RunbookStore store;

    @Autowired
    IndexRefresh refresh;

    @Autowired
    RunbookSearch search;

    @Autowired
    JsonMapper json;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void picksUpWritesAndDeletesOfOtherNodes() {
        String word = "Zebracorn" + UUID.randomUUID().toString().substring(0, 6);
        String slug = word.toLowerCase();
        RunbookModel model = new RunbookModel(
                word,
                new RunbookModel.Metadata(null, null, null, null, Map.of()),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of());
        Instant now = Instant.now();
        transactions.executeWithoutResult(tx -> {
            long id = store.insertRunbook(
                    slug,
                    new RunbookStore.Current(slug + ".md", word, null, null, null, new LintStatus(0, 0), "api", now),
                    "hash");
            store.insertVersion(
                    id,
                    new RunbookVersion(slug, 1, "hash", "other-node", "api", now),
                    "# " + word + "\n",
                    json.writeValueAsString(model));
        });
        assertThat(search.search(word, 5)).isEmpty();

        refresh.refreshFromDatabase();
        assertThat(search.search(word, 5)).extracting(SearchHit::slug).containsExactly(slug);

        transactions.executeWithoutResult(tx -> store.delete(slug));
        refresh.refreshFromDatabase();
        assertThat(search.search(word, 5)).isEmpty();
    }
}
