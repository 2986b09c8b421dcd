package dev.firebreak.runbook.internal.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** PowerShell blocks, judged by cmdlet verb, script blocks and native commands. */
class CommandRiskPowerShellTest {

    private final CommandRiskClassifier classifier = new CommandRiskClassifier();

    static Stream<Arguments> cmdlets() {
        return CommandRiskTable.rows("""
                Get-Process | Where-Object CPU -gt 100                        => read-only
                Get-Process | Where-Object { $_.CPU -gt 100 } | Sort-Object CPU => read-only
                Get-Content app.log -Tail 50 -Wait                            => read-only
                $svc = Get-Service -Name W3SVC                                => read-only
                Test-NetConnection db -Port 5432                              => read-only
                Write-Host "ok"                                               => read-only
                Clear-Host                                                    => read-only
                Invoke-WebRequest https://x/health                            => read-only
                kubectl get pods                                              => read-only
                Restart-Service -Name W3SVC                                   => mutating
                Set-Item -Path Env:X -Value 1                                 => mutating
                Out-File -FilePath out.txt                                    => mutating
                Stop-Process -Name app                                        => mutating
                Invoke-RestMethod -Uri https://x -Method Post -Body $b        => mutating
                Stop-Process -Name app -Force                                 => destructive
                Remove-Item -Recurse C:\\temp                                 => destructive
                Get-ChildItem *.log | ForEach-Object { Remove-Item $_ }       => destructive
                Clear-Content app.log                                         => destructive
                Invoke-RestMethod -Uri https://x -Method Delete               => destructive
                Restart-Computer                                              => destructive
                del C:\\temp\\x                                                => destructive
                kubectl delete pod x                                          => destructive
                """);
    }

    @ParameterizedTest(name = "{0} => {1}")
    @MethodSource("cmdlets")
    void judgesCmdlet(String command, String risk) {
        assertThat(classifier.classify("powershell", command, null).risk())
                .as(command)
                .isEqualTo(risk);
    }

    @ParameterizedTest(name = "{0} => {1}")
    @MethodSource("cmdlets")
    void backtickContinuationsJoinLines(String command, String risk) {
        String continued = command.replaceFirst(" ", " `\n    ");
        assertThat(classifier.lines("pwsh", continued))
                .singleElement()
                .extracting(LineAssessment::risk)
                .isEqualTo(risk);
    }
}
