package dev.firebreak.runbook.internal.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Shell parsing corners: quotes, comments, continuations, heredocs, substitutions, transcripts. */
class CommandRiskParsingTest {

    private final CommandRiskClassifier classifier = new CommandRiskClassifier();

    private String risk(String code) {
        return classifier.classify("bash", code, null).risk();
    }

    @Test
    void pipeAndHashInsideQuotesDoNotSplitOrComment() {
        assertThat(risk("grep -i \"error\\|fail\\|critical\" logs/*.log | tail -20"))
                .isEqualTo("read-only");
        assertThat(risk("echo 'a | rm -rf /' ")).isEqualTo("read-only");
        assertThat(risk("echo \"# not a comment\"; rm x")).isEqualTo("destructive");
        assertThat(risk("echo 'x' # rm -rf / is only a comment")).isEqualTo("read-only");
        assertThat(risk("curl http://host/page#anchor")).isEqualTo("read-only");
    }

    @Test
    void escapedQuotesStayInsideTheWord() {
        assertThat(risk("echo \"say \\\"hi\\\" ; rm -rf /\"")).isEqualTo("read-only");
        assertThat(risk("echo it\\'s fine")).isEqualTo("read-only");
    }

    @Test
    void apostropheInACommentDoesNotOpenAQuote() {
        assertThat(risk("# don't do this at home\nkubectl get pods\nkubectl delete pod x"))
                .isEqualTo("destructive");
        assertThat(classifier.lines("bash", "# don't panic\nkubectl get pods")).hasSize(1);
    }

    @Test
    void everyOperandOfListsAndPipelinesIsJudged() {
        assertThat(risk("kubectl get pods && kubectl delete pod x")).isEqualTo("destructive");
        assertThat(risk("false || rm x")).isEqualTo("destructive");
        assertThat(risk("ls; rm x")).isEqualTo("destructive");
        assertThat(risk("kubectl get pods -o name | xargs kubectl delete")).isEqualTo("destructive");
        assertThat(risk("curl -f https://x/health || echo \"Service DOWN\"")).isEqualTo("read-only");
        assertThat(risk("(cd /tmp && rm -rf cache)")).isEqualTo("destructive");
        assertThat(risk("{ ls; kubectl get pods; }")).isEqualTo("read-only");
    }

    @Test
    void commandSubstitutionsAreJudgedAtAnyDepth() {
        assertThat(risk("echo $(kubectl get pods)")).isEqualTo("read-only");
        assertThat(risk("echo $(kubectl delete pod x)")).isEqualTo("destructive");
        assertThat(risk("echo \"$(echo $(rm -rf /tmp/x))\"")).isEqualTo("destructive");
        assertThat(risk("echo `rm x`")).isEqualTo("destructive");
        assertThat(risk("top -p $(pgrep python)")).isEqualTo("read-only");
        assertThat(risk("diff <(sort a) <(sort b)")).isEqualTo("read-only");
        assertThat(risk("echo $((1 + 2))")).isEqualTo("read-only");
        assertThat(risk("PODS=$(kubectl get pods -o name)")).isEqualTo("read-only");
        assertThat(risk("/slack create-channel incident-$(date +%Y%m%d-%H%M)")).isEqualTo("mutating");
    }

    @Test
    void continuationsJoinLines() {
        String code = "kubectl get pods -o name | \\\n    xargs -I {} kubectl delete {} -n ns";
        assertThat(risk(code)).isEqualTo("destructive");
        List<LineAssessment> lines = classifier.lines("bash", code);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).line()).isZero();
        assertThat(lines.get(0).reason()).isEqualTo("kubectl delete removes resources");
    }

    @Test
    void multiLineQuotedArgumentIsOneCommand() {
        String code = "python -c \"\nimport os\nos.remove('x')\n\"\nls";
        List<LineAssessment> lines = classifier.lines("bash", code);
        assertThat(lines).extracting(LineAssessment::line).containsExactly(0, 4);
        assertThat(lines.get(0).risk()).isEqualTo("mutating");
        assertThat(lines.get(1).risk()).isEqualTo("read-only");
    }

    @Test
    void heredocBodiesAreDataUnlessTheCommandRunsThem() {
        assertThat(risk("cat <<EOF\nrm -rf /\nDROP TABLE x;\nEOF\nls")).isEqualTo("read-only");
        assertThat(risk("cat <<'EOF' > /tmp/config\nx\nEOF")).isEqualTo("mutating");
        assertThat(risk("psql -h db <<SQL\nSELECT 1;\nSQL")).isEqualTo("read-only");
        assertThat(risk("psql -h db <<SQL\nDELETE FROM jobs;\nSQL")).isEqualTo("destructive");
        assertThat(risk("redis-cli <<EOF\nGET a\nLLEN q\nEOF")).isEqualTo("read-only");
        assertThat(risk("redis-cli <<EOF\nGET a\nFLUSHALL\nEOF")).isEqualTo("destructive");
        assertThat(risk("kubectl apply -f - <<EOF\napiVersion: v1\nkind: ConfigMap\nEOF"))
                .isEqualTo("mutating");
        assertThat(risk("bash <<'EOF'\nrm -rf /tmp/x\nEOF")).isEqualTo("destructive");
        assertThat(risk("\tcat <<-EOF\n\tdata\n\tEOF\n\tkubectl get pods")).isEqualTo("read-only");
        assertThat(risk("psql <<< 'TRUNCATE t'")).isEqualTo("destructive");
    }

    @Test
    void textPipedIntoAnInterpreterIsJudged() {
        assertThat(risk("echo \"DROP TABLE x\" | psql -h db")).isEqualTo("destructive");
        assertThat(risk("echo 'SELECT 1' | psql")).isEqualTo("read-only");
        assertThat(risk("cat <<EOF | psql\nDELETE FROM t;\nEOF")).isEqualTo("destructive");
        assertThat(risk("echo 'LLEN q' | redis-cli")).isEqualTo("read-only");
        assertThat(risk("cat <<'EOF' | bash\nrm -rf /tmp/x\nEOF")).isEqualTo("destructive");
        assertThat(risk("echo hello | grep h")).isEqualTo("read-only");
        assertThat(risk("echo x || psql")).isEqualTo("mutating");
    }

    @Test
    void heredocInsideASubstitutionDoesNotSwallowLaterLines() {
        String code = "CONFIG=$(cat <<EOF\nrm -rf / is only data\nEOF\n)\nkubectl delete pod x";
        assertThat(classifier.classify("bash", code, null).reasons())
                .containsExactly("kubectl delete removes resources");
        assertThat(risk("X=$(psql <<SQL\nSELECT 1;\nSQL\n)")).isEqualTo("read-only");
        assertThat(risk("X=$(psql <<SQL\nDROP TABLE t;\nSQL\n)")).isEqualTo("destructive");
    }

    @Test
    void heredocLinesAreNotReportedAsCommands() {
        List<LineAssessment> lines = classifier.lines("bash", "cat <<EOF\nrm -rf /\nEOF\nls");
        assertThat(lines).extracting(LineAssessment::line).containsExactly(0, 3);
    }

    @Test
    void outputRedirectionsWriteFilesButDevNullIsHarmless() {
        assertThat(risk("kubectl get all -o yaml > system-state.yaml")).isEqualTo("mutating");
        assertThat(risk("echo x >> post-mortem.md")).isEqualTo("mutating");
        assertThat(risk("ls 2>/dev/null")).isEqualTo("read-only");
        assertThat(risk("ls > /dev/null 2>&1")).isEqualTo("read-only");
        assertThat(risk("ls &> /dev/null")).isEqualTo("read-only");
        assertThat(risk("echo oops >&2")).isEqualTo("read-only");
        assertThat(risk("sort < input.txt")).isEqualTo("read-only");
        assertThat(classifier.classify("bash", "echo x > out.txt", null).reasons())
                .containsExactly("'> out.txt' overwrites out.txt");
    }

    @Test
    void placeholdersAreNotRedirections() {
        assertThat(risk("kubectl describe pod <pod-name> -n photon-mlir")).isEqualTo("read-only");
        assertThat(risk("photon-admin reset-device --device-id <id> --soft")).isEqualTo("mutating");
    }

    @Test
    void scriptStructureIsNotMistakenForCommands() {
        String script = """
                #!/bin/bash
                set -euo pipefail
                check() {
                    local n=$1
                    kubectl get pods | wc -l
                    return 0
                }
                function report {
                    printf '%s\\n' "ok"
                }
                for i in 1 2 3; do
                    check "$i"
                done
                while read -r line; do echo "$line"; done < pods.txt
                case "$1" in
                    start) report ;;
                    *) echo usage ;;
                esac
                if [ -n "$X" ] && [[ $Y == a || $Y == b ]]; then
                    report
                else
                    exit 1
                fi
                """;
        assertThat(classifier.classify("bash", script, null))
                .extracting(CommandRiskClassifier.Assessment::risk)
                .isEqualTo("read-only");
    }

    @Test
    void casePatternAlternativesAreNotCommands() {
        String script = "case \"$1\" in\n  start|restart)\n    kubectl get pods ;;\n  -h|--help) usage ;;\nesac";
        assertThat(classifier.lines("bash", script))
                .extracting(LineAssessment::risk)
                .containsOnly("read-only", "mutating");
        assertThat(classifier.lines("bash", script))
                .extracting(LineAssessment::reason)
                .containsExactly("kubectl get is read-only", "unknown command 'usage' (assumed mutating)");
    }

    @Test
    void subshellClosedOnALaterLineKeepsItsCommands() {
        assertThat(risk("(cd /tmp\n rm -rf cache)")).isEqualTo("destructive");
        assertThat(risk("ls | grep x\ncase $a in\n  b) echo ;;\nesac")).isEqualTo("read-only");
        assertThat(classifier.lines("bash", "ls | grep x\ncase $a in\n  b) echo ;;\nesac"))
                .hasSize(2);
    }

    @Test
    void sshHeredocRunsRemotely() {
        assertThat(risk("ssh db-1 <<'EOF'\nsudo systemctl status postgresql\nEOF"))
                .isEqualTo("read-only");
        assertThat(risk("ssh db-1 <<'EOF'\nsudo rm -rf /var/lib/pg\nEOF")).isEqualTo("destructive");
    }

    @Test
    void consoleTranscriptsIgnoreOutputLines() {
        String transcript = """
                $ kubectl get pods
                NAME        READY   STATUS
                rm-worker   1/1     Running
                delete-me   0/1     Error
                $ kubectl logs delete-me
                error: something
                """;
        assertThat(classifier.classify("console", transcript, null).risk()).isEqualTo("read-only");
        assertThat(classifier.classify("bash", transcript, null).risk()).isEqualTo("read-only");
        assertThat(classifier.lines("console", transcript))
                .extracting(LineAssessment::line)
                .containsExactly(0, 4);
        assertThat(classifier
                        .classify("shell-session", "# systemctl restart nginx\n# rm -rf /tmp/x", null)
                        .risk())
                .isEqualTo("destructive");
        assertThat(classifier.classify("console", "# a comment\nls", null).risk())
                .isEqualTo("read-only");
        assertThat(classifier
                        .classify("console", "# kubectl get pods lists them\nkubectl delete pod x", null)
                        .risk())
                .isEqualTo("destructive");
    }

    @Test
    void userAtHostPromptsAreRecognised() {
        String transcript = "user@host:~$ kubectl get pods\nNAME READY\n[ops@db-1 ~]$ psql -c 'SELECT 1'\n(1 row)";
        assertThat(classifier.classify("bash", transcript, null).risk()).isEqualTo("read-only");
        assertThat(classifier
                        .classify("console", "root@host:/# rm -rf /tmp/x", null)
                        .risk())
                .isEqualTo("destructive");
        assertThat(classifier
                        .classify("bash", "ssh ops@host # log in first", null)
                        .risk())
                .isEqualTo("mutating");
    }

    @Test
    void transcriptPromptMayContinueWithBackslash() {
        String transcript = "$ kubectl delete pod \\\n>   my-pod\npod \"my-pod\" deleted";
        List<LineAssessment> lines = classifier.lines("console", transcript);
        assertThat(lines).singleElement().extracting(LineAssessment::risk).isEqualTo("destructive");
    }

    @Test
    void functionsDefinedInTheBlockAreNotUnknownCommands() {
        String code = "restart_all() {\n  kubectl rollout restart deploy/api\n}\nrestart_all";
        CommandRiskClassifier.Assessment assessment = classifier.classify("bash", code, null);
        assertThat(assessment.risk()).isEqualTo("mutating");
        assertThat(assessment.reasons()).containsExactly("kubectl rollout restart restarts every pod of the workload");
    }

    @Test
    void oneLineFunctionBodiesAreJudged() {
        assertThat(risk("function cleanup { kubectl delete pod x; }")).isEqualTo("destructive");
        assertThat(risk("cleanup() { kubectl delete pod x; }")).isEqualTo("destructive");
        assertThat(risk("case $1 in stop) systemctl stop x ;; esac")).isEqualTo("mutating");
    }

    @Test
    void unknownCommandsAreMutatingAndSaySo() {
        assertThat(classifier
                        .classify("bash", "photon-admin disable-device x", null)
                        .reasons())
                .containsExactly("unknown command 'photon-admin' (assumed mutating)");
        assertThat(risk("$TOOL --run")).isEqualTo("mutating");
    }
}
