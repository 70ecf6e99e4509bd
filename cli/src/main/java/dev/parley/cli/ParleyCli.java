package dev.parley.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** {@code parley}: the command line of Parley. */
@Command(name = "parley", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
         // -h/--help and -V/--version on every command and subcommand, not only here.
         scope = CommandLine.ScopeType.INHERIT,
         description = "An event-sourced record of negotiations and border incidents.",
         footer = {"", "Run 'parley help COMMAND' or 'parley COMMAND --help' for a command's options."},
         subcommands = {RunCommand.class, StatusCommand.class, TimelineCommand.class, AuditCommand.class,
                        ReplayCommand.class, ForkCommand.class, ForksCommand.class,
                        IntegrityCommands.CheckpointCommand.class, IntegrityCommands.VerifyCommand.class,
                        IntegrityCommands.ProveCommand.class, IntegrityCommands.VerifyProofCommand.class,
                        IntegrityCommands.VerifyAttestationCommand.class,
                        IntegrityCommands.ExportCommand.class, IntegrityCommands.ImportCommand.class,
                        WitnessCommand.class,
                        NodeCommand.class, ServeCommand.class, DemoCommand.class, CommandLine.HelpCommand.class,
                        CompletionCommand.class})
public final class ParleyCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private static final String UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";

    public static void main(String[] args) {
        // The command line works offline on a user's records: Axon's update checker, which reports usage to AxonIQ,
        // stays off unless the user turns it on with -Daxoniq.update-checker.disabled=false.
        if (System.getProperty(UPDATE_CHECKER_DISABLED) == null) {
            System.setProperty(UPDATE_CHECKER_DISABLED, "true");
        }
        System.exit(execute(args));
    }

    /**
     * Runs {@code parley} with {@code args} on the standard streams and returns its exit status; a write to them that
     * fails is exit 1, never success.
     */
    public static int execute(String... args) {
        return execute(Output.standardOutput(), Output.standardError(), args);
    }

    /**
     * Runs {@code parley} with {@code args}, printing to {@code out} and {@code err}; returns its exit status, which
     * is 1 when something written to either was lost.
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = commandLine();
        commandLine.setOut(out);
        commandLine.setErr(err);
        int status = commandLine.execute(args);
        String lost = null;
        try {
            if (Output.failed(out)) {
                lost = "cannot write to standard output";
            }
        } catch (Output.WriteFailedException e) {
            lost = e.getMessage();
        }
        if (lost != null && status != ExitCodes.FAILURE) {
            err.println("parley: " + lost);
            status = ExitCodes.FAILURE;
        }
        return Output.failed(err) ? ExitCodes.FAILURE : status;
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new ParleyCli());
        commandLine.setExitCodeExceptionMapper(error -> ExitCodes.FAILURE);
        CommandLine.IExecutionStrategy strategy = commandLine.getExecutionStrategy();
        commandLine.setExecutionStrategy(parseResult -> {
            try {
                return strategy.execute(parseResult);
            } catch (Output.WriteFailedException e) {
                // Help and version are printed outside any command, where picocli would answer with a stack trace.
                parseResult.commandSpec().commandLine().getErr().println("parley: " + e.getMessage());
                return ExitCodes.FAILURE;
            }
        });
        commandLine.setParameterExceptionHandler((error, args) -> {
            PrintWriter err = error.getCommandLine().getErr();
            if (java.util.Arrays.asList(args).contains("--json")) {
                err.println(ExitCodes.json(ExitCodes.code(error), error.getMessage()));
                return ExitCodes.FAILURE;
            }
            err.println(TerminalText.escape("parley: " + error.getMessage()));
            // A mistyped command or option: the nearest names it could have meant, then the usage.
            CommandLine.UnmatchedArgumentException.printSuggestions(error, err);
            error.getCommandLine().usage(err);
            return ExitCodes.FAILURE;
        });
        commandLine.setExecutionExceptionHandler((error, cli, parseResult) -> {
            String message = ExitCodes.explain(error);
            cli.getErr().println(wantsJson(parseResult) ? ExitCodes.json(ExitCodes.code(error), message)
                                         : TerminalText.escape("parley: " + message));
            return ExitCodes.status(error);
        });
        return commandLine;
    }

    /** Whether the command that ran was given {@code --json}: its failures are then JSON too. */
    static boolean wantsJson(CommandLine.ParseResult parseResult) {
        CommandLine.ParseResult command = parseResult;
        while (command.hasSubcommand()) {
            command = command.subcommand();
        }
        return command.hasMatchedOption("--json");
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
