package io.pagelens.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code pagelens} command. Each verb is a picocli subcommand in this package;
 * add new ones to the {@code subcommands} list below.
 */
@Command(name = "pagelens", mixinStandardHelpOptions = true, version = "pagelens 0.1.0",
        description = "Web capture in bounded memory: screenshots, HTML, Markdown, links, metadata and PDF from headless Chromium.",
        subcommands = {
                CommandLine.HelpCommand.class,
                MarkdownCommand.class,
                ScoreCommand.class,
                KeysCommand.class,
                CaptureCommand.class,
                ListCommand.class,
                GcCommand.class,
                ServeCommand.class,
                MemoryCommand.class,
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        int code = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
        System.exit(code);
    }
}
