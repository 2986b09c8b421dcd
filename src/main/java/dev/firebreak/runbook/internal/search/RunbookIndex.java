package dev.firebreak.runbook.internal.search;

import dev.firebreak.runbook.HitReason;
import dev.firebreak.runbook.HitReason.Strength;
import dev.firebreak.runbook.MatchedField;
import dev.firebreak.runbook.SearchHit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The in-memory Lucene index of the current version of every runbook. Rebuilt from the database at
 * start; {@link IndexRefresh} keeps it in step. Writes are serialized, searches are lock-free.
 */
@Component
public class RunbookIndex implements DisposableBean {
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final SearchQueries queries = new SearchQueries();
    /** slug -> stamp of the indexed version, to find what changed in the database since. */
    private final Map<String, String> stamps = new ConcurrentHashMap<>();

    RunbookIndex() throws IOException {
        writer = new IndexWriter(directory, new IndexWriterConfig(SearchQueries.indexAnalyzer()));
        searchers = new SearcherManager(writer, null);
    }

    Map<String, String> stamps() {
        return Map.copyOf(stamps);
    }

    synchronized void replaceAll(Collection<IndexedRunbook> runbooks) {
        try {
            writer.deleteAll();
            stamps.clear();
            for (IndexedRunbook runbook : runbooks) {
                writer.addDocument(document(runbook));
                stamps.put(runbook.slug(), runbook.stamp());
            }
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void put(IndexedRunbook runbook) {
        try {
            writer.updateDocument(new Term(SearchQueries.SLUG, runbook.slug()), document(runbook));
            stamps.put(runbook.slug(), runbook.stamp());
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void remove(String slug) {
        try {
            writer.deleteDocuments(new Term(SearchQueries.SLUG, slug));
            stamps.remove(slug);
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Free text over every field; an alert name written anywhere an alert's name belongs outweighs the rest. */
    public List<SearchHit> search(String text, int limit) {
        List<String> terms = queries.terms(text);
        return run(queries.fullText(text), limit, (searcher, doc, stored) -> {
            List<MatchedField> textFields = queries.matchedFields(searcher, doc, terms);
            Optional<Described> named = byName(stored, text, textFields, terms);
            return named.isPresent() ? named.get() : byText(searcher, doc, stored, textFields, terms);
        });
    }

    /** Only runbooks that write this alert name as an alert rule, title, file name or heading. */
    public List<SearchHit> byAlertName(String name, int limit) {
        List<String> terms = queries.terms(name);
        return run(queries.alertName(name), limit, (searcher, doc, stored) -> byName(
                        stored, name, queries.matchedFields(searcher, doc, terms), terms)
                .orElseGet(() -> new Described(
                        EnumSet.of(MatchedField.ALERT),
                        new HitReason(Strength.ALERT_NAME, "alert name " + name),
                        terms)));
    }

    /** The runbook a {@code runbook_url} annotation names by its last path segment: slug or file name. */
    public List<SearchHit> byRunbookUrl(String url) {
        List<String> keys = SearchQueries.urlKeys(url);
        if (keys.isEmpty()) {
            return List.of();
        }
        String segment = keys.get(0);
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String key : keys) {
            query.add(new BoostQuery(new TermQuery(new Term(SearchQueries.SLUG, key)), 3), BooleanClause.Occur.SHOULD);
        }
        query.add(
                new BoostQuery(new TermQuery(new Term(NameSource.FILE_NAME.keyField, AlertNames.key(segment))), 2),
                BooleanClause.Occur.SHOULD);
        query.add(new TermQuery(new Term(SearchQueries.SLUG_TAIL, segment)), BooleanClause.Occur.SHOULD);
        return run(query.build(), 5, (searcher, doc, stored) -> {
            String slug = stored.get(SearchQueries.SLUG);
            String named = keys.contains(slug) ? slug : segment;
            return new Described(
                    EnumSet.of(MatchedField.RUNBOOK_URL),
                    new HitReason(Strength.RUNBOOK_URL, "runbook_url names " + named),
                    List.of());
        });
    }

    /** What a hit matched, why it counts, and the words to show a snippet around. */
    private record Described(Set<MatchedField> matched, HitReason reason, List<String> snippetTerms) {}

    @FunctionalInterface
    private interface Describer {
        Described describe(IndexSearcher searcher, int doc, Document stored) throws IOException;
    }

    /**
     * The written names of a hit that are this alert name; the reason cites the strongest of them
     * ({@link NameSource} order), the snippet looks for it as written.
     */
    private static Optional<Described> byName(
            Document stored, String name, List<MatchedField> textFields, List<String> terms) {
        String key = AlertNames.key(name);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Set<MatchedField> matched = EnumSet.noneOf(MatchedField.class);
        String reason = null;
        String written = null;
        for (NameSource source : NameSource.values()) {
            for (String text : stored.getValues(source.storedField)) {
                if (AlertNames.keys(text).contains(key)) {
                    matched.add(source.field);
                    if (reason == null) {
                        written = text;
                        reason = source.label + " \"" + text + "\" names " + name.strip();
                    }
                }
            }
        }
        if (reason == null) {
            return Optional.empty();
        }
        matched.addAll(textFields);
        List<String> snippetTerms = new ArrayList<>();
        snippetTerms.add(written.toLowerCase(Locale.ROOT));
        snippetTerms.addAll(terms);
        return Optional.of(new Described(matched, new HitReason(Strength.ALERT_NAME, reason), snippetTerms));
    }

    /** The strongest field with the query's words: title, symptoms, then alert-name words and the rest. */
    private Described byText(
            IndexSearcher searcher, int doc, Document stored, List<MatchedField> textFields, List<String> terms)
            throws IOException {
        Set<MatchedField> matched =
                textFields.isEmpty() ? EnumSet.noneOf(MatchedField.class) : EnumSet.copyOf(textFields);
        for (MatchedField field : TEXT_REASON_ORDER) {
            if (matched.contains(field)) {
                String words = String.join(" ", queries.matchingTerms(searcher, doc, field, terms, 5));
                String text =
                        switch (field) {
                            case TITLE -> "title \"" + stored.get(SearchQueries.TITLE) + "\" matches " + words;
                            case ALERT -> "alert names match " + words;
                            case BODY -> "body matches " + words;
                            default -> field.wire() + " match " + words; // sections, symptoms, commands
                        };
                Strength strength = STRONG_TEXT.contains(field) ? Strength.TEXT : Strength.OTHER_TEXT;
                return new Described(matched, new HitReason(strength, text), terms);
            }
        }
        return new Described(matched, new HitReason(Strength.OTHER_TEXT, "matches the search"), terms);
    }

    /**
     * Where words must be found to attach a runbook unasked. A summary word found only in some
     * runbook's headings, commands, body, or as one word of an alert name ("high" of "High
     * Failure Rate"), would attach an unrelated one; a whole alert name is matched by name.
     */
    private static final Set<MatchedField> STRONG_TEXT = EnumSet.of(MatchedField.TITLE, MatchedField.SYMPTOMS);

    private static final List<MatchedField> TEXT_REASON_ORDER = List.of(
            MatchedField.TITLE,
            MatchedField.SYMPTOMS,
            MatchedField.ALERT,
            MatchedField.SECTIONS,
            MatchedField.COMMANDS,
            MatchedField.BODY);

    private List<SearchHit> run(Query query, int limit, Describer describer) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                StoredFields stored = searcher.storedFields();
                List<SearchHit> hits = new ArrayList<>();
                for (ScoreDoc scored : searcher.search(query, limit).scoreDocs) {
                    Document doc = stored.document(scored.doc);
                    Described described = describer.describe(searcher, scored.doc, doc);
                    hits.add(new SearchHit(
                            doc.get(SearchQueries.SLUG),
                            doc.get(SearchQueries.TITLE),
                            scored.score,
                            List.copyOf(described.matched()),
                            Snippets.of(doc.get(SearchQueries.BODY), described.snippetTerms()),
                            described.reason()));
                }
                return hits;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document document(IndexedRunbook runbook) {
        Document doc = new Document();
        doc.add(new StringField(SearchQueries.SLUG, runbook.slug(), Field.Store.YES));
        int dash = runbook.slug().lastIndexOf('-');
        if (dash > 0) {
            doc.add(new StringField(SearchQueries.SLUG_TAIL, runbook.slug().substring(dash + 1), Field.Store.NO));
        }
        doc.add(new StoredField(SearchQueries.STAMP, runbook.stamp()));
        doc.add(new TextField(SearchQueries.TITLE, runbook.title(), Field.Store.YES));
        doc.add(new TextField(SearchQueries.ALERTS, runbook.stem(), Field.Store.NO));
        for (String alert : runbook.alerts()) {
            doc.add(new TextField(SearchQueries.ALERTS, alert, Field.Store.NO));
        }
        for (IndexedRunbook.WrittenName name : runbook.names()) {
            doc.add(new StoredField(name.source().storedField, name.text()));
            // one key per distinct variant: repeated terms would weigh a name by how often it is written
            for (String key : AlertNames.keys(name.text())) {
                doc.add(new StringField(name.source().keyField, key, Field.Store.NO));
            }
        }
        doc.add(new TextField(SearchQueries.SECTIONS, runbook.sections(), Field.Store.NO));
        doc.add(new TextField(SearchQueries.SYMPTOMS, runbook.symptoms(), Field.Store.NO));
        doc.add(new TextField(SearchQueries.COMMANDS, runbook.commands(), Field.Store.NO));
        doc.add(new TextField(SearchQueries.BODY, runbook.body(), Field.Store.YES));
        return doc;
    }

    @Override
    public void destroy() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
