package dev.parley.cli;

import dev.parley.application.Parley;
import dev.parley.application.commandfile.CommandFile;
import dev.parley.application.commandfile.CommandFileRunner;
import dev.parley.application.commandfile.CommandLine;
import dev.parley.application.commandfile.LineNotStoredException;
import dev.parley.application.commandfile.Rejection;
import dev.parley.application.messaging.Provenance;
import dev.parley.application.storage.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code parley run [--dry-run] [--json] FILE}: apply a command file, line by line. */
@Command(name = "run", description = "Apply each line of an NDJSON command file as one command, in order.")
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Parameters(paramLabel = "FILE", description = "The command file (NDJSON).")
    Path file;

    @Option(names = "--dry-run", description = "Decide every line against the store but write nothing to it.")
    boolean dryRun;

    @Option(names = "--json", description = "Report each rejection as one JSON object per line on stdout.")
    boolean json;

    @Option(names = "--actor", description = "Who enters the commands (default: the OS user); a line's own "
            + "\"actor\" wins.")
    String actor;

    @Option(names = "--print-accepted", description = "Print \"accepted <line>\" on standard output for each line "
            + "once its events are stored.")
    boolean printAccepted;

    @Override
    public Integer call() throws Exception {
        CommandFile lines = CommandFile.open(file);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CommandFileRunner.Outcome outcome;
        try (Progress progress = Progress.onTerminal(err, "line")) {
            progress.phase("opening the store");
            try (Parley parley = Parley.builder().store(store.urlOr(Store.DEFAULT_URL)).dryRun(dryRun).build()) {
                CommandFileRunner runner = new CommandFileRunner(parley.commands(),
                                                                 actor != null ? actor : Provenance.defaultActor());
                if (!dryRun) {
                    runner = runner.resuming(parley.appliedLines()).overlapping(parley.groupCommit());
                }
                progress.phase(dryRun ? "deciding" : "running");
                progress.at(0, lines.lines());
                try {
                    outcome = runner.run(lines, new CommandFileRunner.Listener() {
                        @Override
                        public void accepted(CommandLine line) {
                            if (printAccepted) {
                                out.println("accepted " + line.line());
                                out.flush();
                            }
                            progress.at(line.line(), lines.lines());
                        }

                        @Override
                        public void skipped(int line) {
                            progress.at(line, lines.lines());
                        }

                        @Override
                        public void rejected(Rejection rejection) {
                            progress.above(() -> RejectionReport.print(rejection, json, out, err));
                            progress.at(rejection.line(), lines.lines());
                        }
                    });
                } catch (LineNotStoredException stopped) {
                    throw parley.store().onFullDisk() ? stopped.onFullDisk() : stopped;
                }
                if (!dryRun) {
                    progress.phase("bringing the read models up to date", "position");
                    parley.readModels().await(StatusCommand.CATCH_UP, (position, head) -> progress.at(position, head));
                }
                progress.phase("closing the store");
            }
        }
        int total = outcome.accepted() + outcome.rejections().size();
        err.println((dryRun ? "Dry run of " : "Ran ") + file + ": " + outcome.accepted() + " of " + total
                            + " commands " + (dryRun ? "would be accepted, nothing was written" : "accepted")
                            + (outcome.allAccepted() ? "" : ", " + outcome.rejections().size() + " rejected")
                            + (outcome.skipped() == 0 ? ""
                                    : ", " + outcome.skipped() + " lines skipped as already stored by an earlier run "
                                            + "of this file")
                            + (outcome.conflictsRetried() == 0 ? ""
                                    : ", " + outcome.conflictsRetried() + " decided again after another writer "
                                            + "appended first")
                            + ".");
        out.flush();
        err.flush();
        return outcome.allAccepted() ? ExitCodes.OK : ExitCodes.REJECTED;
    }
}
