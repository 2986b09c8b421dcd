package dev.firebreak.runbook.internal.risk;

import java.util.Locale;
import java.util.Set;

/** How a fenced block's language is analysed: as shell, SQL, redis, a query, data, or opaque code. */
enum BlockLanguage {
    SHELL,
    CONSOLE,
    SQL,
    REDIS,
    QUERY,
    HTTP,
    POWERSHELL,
    DATA,
    CODE;

    private static final Set<String> SHELLS = Vocabulary.of("""
            bash sh shell zsh ksh dash ash fish cli command commands cmd bat batch
            """);
    private static final Set<String> CONSOLES = Set.of(
            "console", "shell-session", "shellsession", "sh-session", "bash-session", "terminal", "term", "prompt");
    private static final Set<String> SQLS = Vocabulary.of("""
            sql psql pgsql postgres postgresql plpgsql mysql mariadb sqlite sqlite3 tsql mssql plsql cockroach
            cockroachdb bigquery snowflake hql sparksql presto trino clickhouse redshift duckdb
            """);
    private static final Set<String> QUERIES = Vocabulary.of("""
                    promql logql metricsql traceql jq jsonpath lucene xpath regex regexp
                    """);
    private static final Set<String> DATA_FORMATS = Vocabulary.orNone("""
            json jsonc json5 jsonl ndjson yaml yml toml xml markdown md text txt plaintext plain csv tsv html
            htm ini cfg conf config properties env dotenv log logs diff patch output out none nohighlight raw
            mermaid plantuml puml dot graphviz svg css scss proto protobuf hcl tf dockerfile nginx apache
            apacheconf rst adoc asciidoc tex latex gitignore editorconfig ascii tree table template jinja j2
            handlebars mustache email http-response systemd crontab sshconfig hosts kql-output example
            """);

    static BlockLanguage of(String language) {
        String lang = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
        if (SHELLS.contains(lang)) {
            return SHELL;
        }
        if (CONSOLES.contains(lang)) {
            return CONSOLE;
        }
        if (SQLS.contains(lang)) {
            return SQL;
        }
        if (lang.equals("redis") || lang.equals("redis-cli")) {
            return REDIS;
        }
        if (QUERIES.contains(lang)) {
            return QUERY;
        }
        if (Set.of("powershell", "pwsh", "ps1", "ps", "posh").contains(lang)) {
            return POWERSHELL;
        }
        if (lang.equals("http") || lang.equals("rest")) {
            return HTTP;
        }
        return DATA_FORMATS.contains(lang) ? DATA : CODE;
    }
}
