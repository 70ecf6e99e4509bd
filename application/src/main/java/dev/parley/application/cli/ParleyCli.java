package dev.parley.application.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** {@code parley}: the command line of Parley. */
@Command(name = "parley", mixinStandardHelpOptions = true, version = "parley 0.1.0",
         description = "An event-sourced record of negotiations and border incidents.",
         subcommands = {RunCommand.class, StatusCommand.class, TimelineCommand.class, AuditCommand.class,
                        ReplayCommand.class, ForkCommand.class, ForksCommand.class,
                        IntegrityCommands.CheckpointCommand.class, IntegrityCommands.VerifyCommand.class,
                        IntegrityCommands.ProveCommand.class, IntegrityCommands.VerifyProofCommand.class,
                        IntegrityCommands.ExportCommand.class, IntegrityCommands.ImportCommand.class,
                        NodeCommand.class, DemoCommand.class})
public final class ParleyCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs {@code parley} with {@code args} on the standard streams and returns its exit status. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** Runs {@code parley} with {@code args}, printing to {@code out} and {@code err}; returns its exit status. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = commandLine();
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new ParleyCli());
        commandLine.setExitCodeExceptionMapper(error -> ExitCodes.FAILURE);
        commandLine.setParameterExceptionHandler((error, args) -> {
            PrintWriter err = error.getCommandLine().getErr();
            err.println("parley: " + error.getMessage());
            error.getCommandLine().usage(err);
            return ExitCodes.FAILURE;
        });
        commandLine.setExecutionExceptionHandler((error, cli, parseResult) -> {
            cli.getErr().println("parley: " + ExitCodes.explain(error));
            return ExitCodes.FAILURE;
        });
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
