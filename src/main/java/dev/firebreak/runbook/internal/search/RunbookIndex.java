package dev.firebreak.runbook.internal.search;

import dev.firebreak.runbook.SearchHit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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

    /** Free text over every field; an exact alert name or file stem outweighs everything else. */
    public List<SearchHit> search(String text, int limit) {
        return run(queries.fullText(text), queries.terms(text), limit, null);
    }

    /** Only runbooks whose alert name (or file stem) is this one. */
    public List<SearchHit> byAlertName(String name, int limit) {
        return run(queries.alertName(name), queries.terms(name), limit, null);
    }

    /** The runbook a {@code runbook_url} annotation names by its last path segment. */
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
                new BoostQuery(new TermQuery(new Term(SearchQueries.STEM_KEY, segment)), 2),
                BooleanClause.Occur.SHOULD);
        query.add(new TermQuery(new Term(SearchQueries.SLUG_TAIL, segment)), BooleanClause.Occur.SHOULD);
        return run(query.build(), List.of(), 5, "runbook_url");
    }

    private List<SearchHit> run(Query query, List<String> terms, int limit, String matchedAs) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                StoredFields stored = searcher.storedFields();
                List<SearchHit> hits = new ArrayList<>();
                for (ScoreDoc scored : searcher.search(query, limit).scoreDocs) {
                    Document doc = stored.document(scored.doc);
                    List<String> matched =
                            matchedAs != null ? List.of(matchedAs) : queries.matchedFields(searcher, scored.doc, terms);
                    hits.add(new SearchHit(
                            doc.get(SearchQueries.SLUG),
                            doc.get(SearchQueries.TITLE),
                            scored.score,
                            matched,
                            Snippets.of(doc.get(SearchQueries.BODY), terms)));
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
        doc.add(new StringField(SearchQueries.STEM_KEY, IndexedRunbook.alertKey(runbook.stem()), Field.Store.NO));
        doc.add(new TextField(SearchQueries.ALERTS, runbook.stem(), Field.Store.NO));
        for (String alert : runbook.alerts()) {
            doc.add(new StringField(SearchQueries.ALERT_KEY, IndexedRunbook.alertKey(alert), Field.Store.NO));
            doc.add(new TextField(SearchQueries.ALERTS, alert, Field.Store.NO));
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
