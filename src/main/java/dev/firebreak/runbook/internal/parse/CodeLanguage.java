package dev.firebreak.runbook.internal.parse;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The language of a fenced block: its info word, or a guess from the code (bash, promql, json,
 * yaml, markdown, text), and whether blocks of that language are commands one could run.
 */
final class CodeLanguage {
    private static final Set<String> EXECUTABLE =
            Set.of(("bash sh shell zsh ksh fish console shell-session shellsession terminal powershell ps1 "
                            + "pwsh cmd bat promql logql metricsql sql psql mysql postgresql pgsql plpgsql redis cql")
                    .split(" "));
    private static final Set<String> SHELL_WORDS =
            Set.of(("kubectl curl docker docker-compose git grep egrep jq redis-cli psql mysql helm ssh scp "
                            + "systemctl journalctl tail head cat less ls cd echo export sudo make python python3 pip "
                            + "pip3 npm npx node yarn aws gcloud az terraform watch ps top htop kill pkill rm mv cp "
                            + "mkdir chmod chown find sed awk wget ping nslookup dig nc netstat ss df du free service "
                            + "etcdctl oc promtool amtool vault consul openssl tar rsync crictl istioctl argocd "
                            + "kustomize go java mvn gradle cargo pg_dump pg_isready mongo mongosh nohup xargs sort "
                            + "uniq wc env set source for if while unset touch ln mount umount iptables ip ifconfig "
                            + "lsof strace uptime dmesg hostname whoami id date sleep time timeout tee")
                    .split(" "));
    private static final Pattern PROMQL = Pattern.compile(
            "^(?:sum|avg|min|max|count|rate|irate|increase|histogram_quantile|topk|bottomk|absent|delta|deriv|"
                    + "predict_linear|label_replace|count_over_time|avg_over_time|max_over_time|quantile)\\s*(?:by\\s*\\([^)]*\\)\\s*)?\\(|"
                    + "^(?=[a-zA-Z0-9_:]*[_:{\\[])[a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{[^}]*\\})?(?:\\[[0-9smhdw]+\\])?\\s*(?:[<>=!]=?|$|\\s*/|\\s*\\*)");
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");
    private static final Pattern MD_HEADING = Pattern.compile("#{1,6} .*");
    private static final Pattern FIRST_WORD_END = Pattern.compile("[\\s|;&]");
    private static final Pattern MD_LIST_ITEM = Pattern.compile("(?:[-*+]|\\d+\\.) (?:\\[[ xX]\\] )?.*");
    private static final Pattern YAML_LINE =
            Pattern.compile("^\\s*(?:-\\s+)?(?:[A-Za-z_][\\w.-]*|\"[^\"]+\"):(?:\\s.*)?$|^\\s*-\\s+\\S.*$");
    private static final Pattern BOX = Pattern.compile("[├└│┌┐┘┬┴┼]");

    private CodeLanguage() {}

    /** The info word lower-cased, or a guess from the code when the fence has none. */
    static String of(String info, String code) {
        String word = info == null ? "" : MarkdownTree.trim(info).split(MarkdownTree.WHITE_SPACE + "+", 2)[0];
        return word.isEmpty() ? guess(code) : word.toLowerCase(Locale.ROOT);
    }

    static boolean executable(String language) {
        return language != null && EXECUTABLE.contains(language);
    }

    static boolean boxDrawn(String code) {
        return BOX.matcher(code).find();
    }

    static String guess(String code) {
        String trimmed = code.strip();
        if (trimmed.isEmpty() || boxDrawn(code)) {
            return "text";
        }
        if ((trimmed.startsWith("{") && trimmed.endsWith("}")) || (trimmed.startsWith("[") && trimmed.endsWith("]"))) {
            return "json";
        }
        int lines = 0;
        int shell = 0;
        int promql = 0;
        int yaml = 0;
        int markdown = 0;
        for (String raw : LINE_BREAK.split(trimmed)) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (MD_HEADING.matcher(line).matches() && raw.startsWith("#")) {
                markdown++;
            }
            if (line.startsWith("#") || line.startsWith("//")) {
                continue;
            }
            lines++;
            String first = line.startsWith("$ ") ? "$" : FIRST_WORD_END.split(line, 2)[0];
            if (first.equals("$") || first.startsWith("./") || SHELL_WORDS.contains(first)) {
                shell++;
            }
            if (PROMQL.matcher(line).find()) {
                promql++;
            }
            if (YAML_LINE.matcher(raw).matches()) {
                yaml++;
            }
            if (MD_LIST_ITEM.matcher(line).matches()) {
                markdown++;
            }
        }
        if (shell > 0 && shell * 2 >= lines) {
            return "bash";
        }
        if (lines > 0 && promql == lines) {
            return "promql";
        }
        if (lines > 0 && yaml == lines && trimmed.contains(":")) {
            return "yaml";
        }
        if (markdown > 1 && trimmed.contains("#")) {
            return "markdown";
        }
        return "text";
    }
}
