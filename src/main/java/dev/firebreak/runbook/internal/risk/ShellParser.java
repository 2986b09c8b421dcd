package dev.firebreak.runbook.internal.risk;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one logical shell line into simple commands: quotes removed, comments dropped, operators
 * (| || && ; & ( )) separating commands, and $(...), backticks and <(...) parsed as commands of
 * their own. A single forward scan with bounded nesting, so a 1 MB line costs linear time.
 */
final class ShellParser {

    /** Nesting beyond this ($(...) in $(...), bash -c in watch, ...) is assumed mutating. */
    static final int MAX_DEPTH = 8;

    /** The simple commands of a line, its comments, and whether nesting went too deep to judge. */
    record Parsed(List<SimpleCommand> commands, List<String> comments, List<String> functions, boolean tooDeep) {}

    private final String s;
    private final int n;
    private final int depth;
    private int pos;
    private final ShellWord word;
    private boolean inTest;
    private int parens;
    private int alternatives;
    private boolean piped;
    private final List<String> heredocs = new ArrayList<>();
    private int heredocOwner = -1;
    private String pendingRedirect;
    private final List<String> words = new ArrayList<>();
    private final List<Redirect> redirects = new ArrayList<>();
    private final List<SimpleCommand> out = new ArrayList<>();
    private final List<String> comments = new ArrayList<>();
    private final List<String> functions = new ArrayList<>();
    private boolean tooDeep;

    private ShellParser(String s, int depth) {
        this.s = s;
        this.n = s.length();
        this.depth = depth;
        this.word = new ShellWord(s, this::nested);
    }

    static Parsed parse(String line) {
        return parse(line, 0);
    }

    static Parsed parse(String text, int depth) {
        ShellParser p = new ShellParser(text, depth);
        if (depth > MAX_DEPTH) {
            return new Parsed(List.of(), List.of(), List.of(), true);
        }
        p.run();
        return new Parsed(p.out, p.comments, p.functions, p.tooDeep);
    }

    private void run() {
        while (pos < n) {
            char c = s.charAt(pos);
            if (inTest && "|&()<>".indexOf(c) >= 0) {
                pos = word.append(c, pos); // inside [[ ]] these are operators of the test, not of the shell
                continue;
            }
            switch (c) {
                case ' ', '\t', '\r' -> {
                    endWord();
                    pos++;
                }
                case '\n', ';' -> {
                    endCommand();
                    pos++;
                    if (c == '\n' && depth > 0 && !heredocs.isEmpty()) {
                        readHeredocs(); // top-level lines get their bodies from ShellScript
                    }
                }
                case '#' -> {
                    if (word.started()) {
                        pos = word.append(c, pos);
                    } else {
                        int end = s.indexOf('\n', pos);
                        end = end < 0 ? n : end;
                        comments.add(s.substring(pos + 1, end));
                        pos = end;
                    }
                }
                case '\'' -> pos = word.singleQuoted(pos);
                case '"' -> pos = word.doubleQuoted(pos);
                case '\\' -> pos = word.escape(pos);
                case '$' -> pos = word.dollar(pos);
                case '`' -> pos = word.backtick(pos);
                case '|' -> {
                    boolean pipe = pos + 1 >= n || (s.charAt(pos + 1) != '|' && s.charAt(pos + 1) != '&');
                    int before = out.size();
                    int kept = alternatives;
                    endCommand();
                    piped = pipe;
                    if (pipe
                            && out.size() == before + 1
                            && out.get(before).words().size() == 1) {
                        alternatives = kept + 1; // maybe the start|restart) alternatives of a case pattern
                    }
                    pos += pipe ? 1 : 2;
                }
                case '&' -> ampersand();
                case '(' -> openParen();
                case ')' -> closeParen();
                case '<', '>' -> angle(c);
                default -> pos = word.append(c, pos);
            }
        }
        endCommand();
    }

    private void nested(String inner) {
        Parsed p = parse(inner, depth + 1);
        out.addAll(p.commands());
        functions.addAll(p.functions());
        tooDeep |= p.tooDeep();
    }

    private void ampersand() {
        char next = pos + 1 < n ? s.charAt(pos + 1) : ' ';
        if (next == '>') {
            endWord();
            boolean append = pos + 2 < n && s.charAt(pos + 2) == '>';
            pendingRedirect = append ? "&>>" : "&>";
            pos += append ? 3 : 2;
        } else {
            endCommand();
            pos += next == '&' ? 2 : 1;
        }
    }

    private void openParen() {
        if (word.endsWith('=')) {
            pos = word.appendSpan(pos, ShellSpans.closeParen(s, pos) + 1); // arr=(a b c)
            return;
        }
        if (!word.started() && words.isEmpty() && pos + 1 < n && s.charAt(pos + 1) == '(') {
            int close = ShellSpans.closeParen(s, pos); // (( arithmetic ))
            words.add("((");
            pos = close + 1;
            return;
        }
        endWord();
        int after = pos + 1;
        while (after < n && (s.charAt(after) == ' ' || s.charAt(after) == '\t')) {
            after++;
        }
        boolean definition = after < n && s.charAt(after) == ')' && redirects.isEmpty();
        if (definition
                && (words.size() == 1 || (words.size() == 2 && words.get(0).equals("function")))) {
            functions.add(words.get(words.size() - 1)); // name() { ... }: the body lines are judged
            words.clear();
            pos = after + 1;
            return;
        }
        endCommand();
        parens++;
        pos++;
    }

    private void closeParen() {
        endWord();
        if (parens > 0) {
            parens--;
            endCommand();
        } else if (words.size() <= 1 && redirects.isEmpty()) {
            words.clear(); // a case pattern such as  start)  or  *)  or  start|restart)
            pendingRedirect = null;
            out.subList(out.size() - Math.min(alternatives, out.size()), out.size())
                    .clear();
        } else {
            endCommand(); // closes a subshell opened on an earlier line: (cd /tmp \n rm -rf x)
        }
        alternatives = 0;
        pos++;
    }

    private void angle(char c) {
        char next = pos + 1 < n ? s.charAt(pos + 1) : ' ';
        int placeholder = c == '<' ? ShellSpans.placeholderEnd(s, pos) : -1;
        if (placeholder > 0) {
            pos = word.appendSpan(pos, placeholder + 1); // <pod-name>: a runbook placeholder, not redirections
            return;
        }
        if (next == '(' && !word.started()) {
            pos = word.processSubstitution(pos);
            return;
        }
        if (word.isDescriptor()) {
            word.discard();
        }
        endWord();
        String op = ShellSpans.redirectOperator(s, pos, c);
        pendingRedirect = op;
        pos += op.length();
    }

    private void endWord() {
        if (!word.started()) {
            return;
        }
        String w = word.take();
        if (pendingRedirect != null) {
            Redirect redirect = new Redirect(pendingRedirect, w);
            redirects.add(redirect);
            if (redirect.isHeredoc()) {
                heredocs.add(w);
            }
            pendingRedirect = null;
            return;
        }
        if (w.equals("[[") && words.isEmpty()) {
            inTest = true;
        } else if (w.equals("]]")) {
            inTest = false;
        }
        words.add(w);
    }

    private void endCommand() {
        endWord();
        if (!words.isEmpty() || !redirects.isEmpty()) {
            out.add(new SimpleCommand(List.copyOf(words), List.copyOf(redirects), List.of(), piped));
            heredocOwner = redirects.stream().anyMatch(Redirect::isHeredoc) ? out.size() - 1 : heredocOwner;
        }
        words.clear();
        redirects.clear();
        pendingRedirect = null;
        inTest = false;
        alternatives = 0;
        piped = false;
    }

    /** Inside $( ... ) spanning lines, heredoc bodies follow in the same text: consume them here. */
    private void readHeredocs() {
        List<String> bodies = new ArrayList<>();
        pos = ShellSpans.heredocBodies(s, pos, heredocs, bodies);
        heredocs.clear();
        if (heredocOwner >= 0) {
            out.set(heredocOwner, out.get(heredocOwner).withHeredocs(bodies));
        }
    }
}
