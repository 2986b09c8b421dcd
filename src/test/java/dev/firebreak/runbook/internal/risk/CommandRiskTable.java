package dev.firebreak.runbook.internal.risk;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Reads "command  =>  risk" tables, so rule tests stay one readable line per case. */
final class CommandRiskTable {

    private CommandRiskTable() {}

    static Stream<Arguments> rows(String table) {
        return Arrays.stream(table.split("\n"))
                .filter(line -> !line.isBlank() && !line.startsWith("//"))
                .map(line -> {
                    int arrow = line.lastIndexOf("=>");
                    return Arguments.of(
                            line.substring(0, arrow).strip(),
                            line.substring(arrow + 2).strip());
                });
    }
}
