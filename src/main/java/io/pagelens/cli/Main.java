package io.pagelens.cli;

import io.pagelens.config.ConfigException;
import io.pagelens.observe.BuildInfo;
import io.pagelens.observe.LogSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code pagelens} command. Each verb is a picocli subcommand in this package;
 * add new ones to the {@code subcommands} list below.
 */
@Command(name = "pagelens", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Web capture in bounded memory: screenshots, HTML, Markdown, links, metadata and PDF from headless Chromium.",
        subcommands = {
                CommandLine.HelpCommand.class,
                MarkdownCommand.class,
                ScoreCommand.class,
                KeysCommand.class,
                CaptureCommand.class,
                CrawlCommand.class,
                MapCommand.class,
                ListCommand.class,
                GcCommand.class,
                ServeCommand.class,
                MemoryCommand.class,
                DiffCommand.class,
                MonitorCommand.class,
                BrandCommand.class,
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code --version}: the build's own version and commit (observe.BuildInfo), and the Java running it. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            BuildInfo b = BuildInfo.current();
            return new String[]{"pagelens " + b.version() + " (commit " + b.commit() + ", Java " + b.java() + ")"};
        }
    }

    public static void main(String[] args) {
        // before any logger exists: logback would carry on with a bad format or level and print its status dump
        try {
            LogSettings.system();
        } catch (ConfigException e) {
            System.err.println("pagelens: " + e.getMessage());
            System.exit(2);
        }
        int code = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
        System.exit(code);
    }
}
