package dev.firebreak.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.runbook.RiskClass;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandParametersTest {

    @Test
    void findsThePlaceholdersAsTheSeedsWriteThem() {
        String script = "kubectl logs <pod-name> -n $NAMESPACE --since=1h\n"
                + "curl -s http://x/incidents/<incident-key> | jq '.id == \"<id>\"'\n"
                + "echo \"${POD}\" $HOME\n"
                + "# restart <not-this> when needed\n"
                + "LIMIT=5; echo $LIMIT\n";
        assertThat(CommandParameters.find(script))
                .extracting(CommandParameters.Placeholder::name)
                .containsExactly("pod_name", "namespace", "incident_key", "id", "pod");
    }

    @Test
    void aValueNeverEntersTheScriptOnlyAReferenceToItsVariable() {
        String script = "echo <a> \"$B\" '<c>'";
        var rendered =
                CommandParameters.render(script, Map.of("a", "x; rm -rf /", "b", "$(id) `id` \"q\"", "c", "it's"));
        assertThat(rendered.complete()).isTrue();
        assertThat(rendered.script()).isEqualTo("echo \"${FB_A}\" \"${FB_B}\" ''\"${FB_C}\"''");
        assertThat(rendered.environment())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("FB_A", "x; rm -rf /", "FB_B", "$(id) `id` \"q\"", "FB_C", "it's"));
    }

    @Test
    void aMissingValueIsListedAndNotFilled() {
        var rendered =
                CommandParameters.render("kubectl delete pod <pod-name> -n $NAMESPACE", Map.of("namespace", "prod"));
        assertThat(rendered.missing()).containsExactly("<pod-name>");
        assertThat(rendered.complete()).isFalse();
    }

    @Test
    void labelsFillPlaceholdersByNameOrMapping() {
        var placeholders = CommandParameters.find("kubectl logs <pod-name> -n $NAMESPACE -c <container>");
        var values = CommandParameters.fromLabels(
                placeholders,
                Map.of("pod", "api-7f9", "namespace", "prod", "kube_container", "app"),
                Map.of("container", "kube_container"));
        assertThat(values)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("pod_name", "api-7f9", "namespace", "prod", "container", "app"));
    }

    @Test
    void aNulCharacterIsRefused() {
        assertThatThrownBy(() -> CommandParameters.render("echo <a>", Map.of("a", "x\0y")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NUL");
    }

    @Test
    void unknownRiskIsMutating() {
        assertThat(RiskClass.of(null)).isEqualTo(RiskClass.MUTATING);
        assertThat(RiskClass.of("weird")).isEqualTo(RiskClass.MUTATING);
        assertThat(RiskClass.of("read-only")).isEqualTo(RiskClass.READ_ONLY);
        assertThat(RiskClass.of("destructive")).isEqualTo(RiskClass.DESTRUCTIVE);
    }

    @Test
    void secretsAreRedacted() {
        var redactor = new SecretRedactor(java.util.List.of("hunter2-secret"));
        assertThat(
                        redactor.redact(
                                "pw hunter2-secret key AKIAABCDEFGHIJKLMNOP password=abc12345 Authorization: Bearer abcdefghijkl"))
                .isEqualTo("pw [REDACTED] key [REDACTED] password=[REDACTED] Authorization: Bearer [REDACTED]");
        assertThat(redactor.redact("ghp_" + "a".repeat(36))).isEqualTo("[REDACTED]");
        assertThat(redactor.redact("nothing here")).isEqualTo("nothing here");
    }
}
