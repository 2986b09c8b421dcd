package dev.firebreak.runbook.internal.search;

import dev.firebreak.runbook.MatchedField;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/** Field names, analyzers and the queries built on them. */
final class SearchQueries {
    static final String SLUG = "slug";
    static final String SLUG_TAIL = "slug_tail";
    static final String STAMP = "stamp";
    static final String TITLE = "title";
    static final String ALERTS = "alerts";
    static final String SECTIONS = "sections";
    static final String SYMPTOMS = "symptoms";
    static final String COMMANDS = "commands";
    static final String BODY = "body";

    /** Text fields and their weight; the order is the order of "matched" in hits. */
    private static final Map<String, Float> TEXT_FIELDS =
            Map.of(TITLE, 4f, ALERTS, 3f, SECTIONS, 2f, SYMPTOMS, 2f, COMMANDS, 1f, BODY, 1f);

    /** The text fields in the order of "matched", and how a hit reports each. */
    private static final Map<String, MatchedField> MATCH_ORDER = orderedFields();

    private static Map<String, MatchedField> orderedFields() {
        Map<String, MatchedField> fields = new LinkedHashMap<>();
        fields.put(ALERTS, MatchedField.ALERT);
        fields.put(TITLE, MatchedField.TITLE);
        fields.put(SECTIONS, MatchedField.SECTIONS);
        fields.put(SYMPTOMS, MatchedField.SYMPTOMS);
        fields.put(COMMANDS, MatchedField.COMMANDS);
        fields.put(BODY, MatchedField.BODY);
        return fields;
    }

    /** English stop words are dropped from queries: "the disk is full" must not match every "the". */
    private final Analyzer queryAnalyzer = new StandardAnalyzer(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);

    /**
     * Splits KubePodCrashLooping and node_cpu_seconds into parts while keeping the whole word, so
     * both "crash looping" and the exact name find it. Queries use the plain standard analyzer.
     */
    static Analyzer indexAnalyzer() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                int flags = WordDelimiterGraphFilter.PRESERVE_ORIGINAL
                        | WordDelimiterGraphFilter.GENERATE_WORD_PARTS
                        | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
                        | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE;
                TokenStream stream = new WordDelimiterGraphFilter(source, flags, null);
                stream = new FlattenGraphFilter(stream);
                return new TokenStreamComponents(source, new LowerCaseFilter(stream));
            }
        };
    }

    Query fullText(String text) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(alertName(text), BooleanClause.Occur.SHOULD);
        query.add(parse(text), BooleanClause.Occur.SHOULD);
        return query.build();
    }

    /** Runbooks that write this name somewhere an alert's name belongs, weighed by where. */
    Query alertName(String name) {
        String key = AlertNames.key(name);
        if (key.isEmpty()) {
            return new MatchNoDocsQuery();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (NameSource source : NameSource.values()) {
            query.add(
                    new BoostQuery(new TermQuery(new Term(source.keyField, key)), source.boost),
                    BooleanClause.Occur.SHOULD);
        }
        return query.build();
    }

    private Query parse(String text) {
        MultiFieldQueryParser parser =
                new MultiFieldQueryParser(MATCH_ORDER.keySet().toArray(String[]::new), queryAnalyzer, TEXT_FIELDS);
        try {
            return parser.parse(text);
        } catch (ParseException | RuntimeException e) {
            // Users type error messages, not Lucene syntax: retry with every operator escaped.
            try {
                return parser.parse(QueryParser.escape(text));
            } catch (ParseException | RuntimeException again) {
                return new MatchNoDocsQuery();
            }
        }
    }

    /** The fields of a hit that contain one of the query's words. */
    List<MatchedField> matchedFields(IndexSearcher searcher, int doc, List<String> terms) throws IOException {
        List<MatchedField> matched = new ArrayList<>();
        for (Map.Entry<String, MatchedField> field : MATCH_ORDER.entrySet()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            for (String term : terms) {
                any.add(new TermQuery(new Term(field.getKey(), term)), BooleanClause.Occur.SHOULD);
            }
            if (!terms.isEmpty() && searcher.explain(any.build(), doc).isMatch()) {
                matched.add(field.getValue());
            }
        }
        return matched;
    }

    /** Those of the query's words that are in one field of a hit, at most {@code max} of them. */
    List<String> matchingTerms(IndexSearcher searcher, int doc, MatchedField field, List<String> terms, int max)
            throws IOException {
        for (Map.Entry<String, MatchedField> entry : MATCH_ORDER.entrySet()) {
            if (entry.getValue() == field) {
                return matchingTerms(searcher, doc, entry.getKey(), terms, max);
            }
        }
        return List.of();
    }

    private List<String> matchingTerms(IndexSearcher searcher, int doc, String field, List<String> terms, int max)
            throws IOException {
        List<String> found = new ArrayList<>();
        for (String term : terms) {
            if (found.size() >= max) {
                break;
            }
            if (!found.contains(term)
                    && searcher.explain(new TermQuery(new Term(field, term)), doc)
                            .isMatch()) {
                found.add(term);
            }
        }
        return found;
    }

    /** The query's words as the index stores them (lower case). */
    List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = queryAnalyzer.tokenStream(BODY, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && terms.size() < 64) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /** The last path segment of a URL without extension, and the last two joined, as slugs. */
    static List<String> urlKeys(String url) {
        String path;
        try {
            path = URI.create(url.strip()).getPath();
        } catch (IllegalArgumentException e) {
            path = url.replaceAll("[?#].*$", "");
        }
        if (path == null) {
            return List.of();
        }
        String[] segments = path.replaceAll("/+$", "").split("/");
        String last = lastSegment(url);
        if (last.isEmpty()) {
            return List.of();
        }
        if (segments.length < 2 || segments[segments.length - 2].isBlank()) {
            return List.of(last);
        }
        String parent = segments[segments.length - 2].toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return List.of(last, (parent + "-" + last).replaceAll("^-+|-+$", ""));
    }

    static String lastSegment(String url) {
        String path;
        try {
            path = URI.create(url.strip()).getPath();
        } catch (IllegalArgumentException e) {
            path = url.replaceAll("[?#].*$", "");
        }
        if (path == null) {
            return "";
        }
        path = path.replaceAll("/+$", "");
        String segment = path.substring(path.lastIndexOf('/') + 1);
        int dot = segment.lastIndexOf('.');
        if (dot > 0) {
            segment = segment.substring(0, dot);
        }
        return segment.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }
}
