package dev.firebreak.cli;

import picocli.CommandLine.Command;

@Command(
        name = "runbook",
        mixinStandardHelpOptions = true,
        description = "Parse, lint, import and search runbooks.",
        subcommands = {
            RunbookParseCommand.class,
            RunbookLintCommand.class,
            RunbookImportCommand.class,
            RunbookSearchCommand.class
        })
final class RunbookCommand {}
