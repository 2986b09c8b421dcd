package dev.firebreak.runbook.internal.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reasons are shown to responders, so their wording is part of the contract. */
class CommandRiskReasonTest {

    private final CommandRiskClassifier classifier = new CommandRiskClassifier();

    static Stream<Arguments> reasons() {
        return CommandRiskTable.rows("""
                kubectl delete pod x                       => kubectl delete removes resources
                git clean -fdx                             => git clean -fdx deletes untracked files
                rm -rf /tmp/cache                          => rm -rf deletes files recursively without confirmation
                photon-admin disable-device x              => unknown command 'photon-admin' (assumed mutating)
                python scripts/fix.py                      => runs python script 'scripts/fix.py' (assumed mutating)
                python -c "print(1)"                       => python -c runs inline code (assumed mutating)
                make test-short                            => make test-short runs build targets (assumed mutating)
                kubectl rollout undo deploy/x              => kubectl rollout undo rolls back to the previous revision
                kill -9 42                                 => kill -9 terminates processes without cleanup
                redis-cli DEL k                            => redis DEL deletes keys
                redis-cli FROB k                           => unknown redis command 'FROB' (assumed mutating)
                curl -X DELETE https://x/1                 => curl -X DELETE deletes a remote resource
                curl -d a=1 https://x                      => curl -d sends a POST request that changes a remote resource
                docker compose down -v                     => docker compose down -v deletes volumes
                journalctl --vacuum-size=1G                => journalctl --vacuum-size deletes journal files
                terraform destroy                          => terraform destroy deletes infrastructure
                psql -c 'UPDATE t SET a = 1'               => UPDATE without WHERE rewrites every row
                xargs -I {} kubectl delete {}              => kubectl delete removes resources
                find . -name '*.tmp' -delete               => find -delete deletes matching files
                NAMESPACE=prod                             => variable assignment
                """);
    }

    @ParameterizedTest(name = "{0} => {1}")
    @MethodSource("reasons")
    void explainsWhatRaisedTheRisk(String command, String reason) {
        assertThat(classifier.classify("bash", command, null).reasons())
                .as(command)
                .containsExactly(reason);
    }
}
