package dev.parley.cli;

import dev.parley.application.Parley;
import dev.parley.application.commandfile.CommandFile;
import dev.parley.application.commandfile.CommandFileRunner;
import dev.parley.projections.json.IsoTime;
import dev.parley.application.commandfile.Rejection;
import dev.parley.application.fork.BranchStore;
import dev.parley.application.fork.Fork;
import dev.parley.application.fork.ForkDiff;
import dev.parley.application.fork.Forks;
import dev.parley.application.messaging.Provenance;
import dev.parley.application.storage.Store;
import dev.parley.shared.api.DomainRuleException;
import dev.parley.shared.api.Fields;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

/**
 * {@code parley fork --at <position|time> --then FILE}: run a command file on a what-if branch of the history and
 * show how it differs from the record, which it never touches.
 */
@Command(name = "fork", description = "Fork the history at a position or recording time (or continue a saved "
        + "branch), run a command file inside the fork, and show how it differs from the record. The record is "
        + "never written.")
final class ForkCommand implements Callable<Integer> {

    static final class Origin {
        @Option(names = "--at", paramLabel = "<position|time>", required = true,
                description = "Fork after this position of the record, or after what was recorded by this time.")
        String at;

        @Option(names = "--from", paramLabel = "NAME", required = true,
                description = "Continue the saved branch NAME (and save the continuation back to it).")
        String from;
    }

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @ArgGroup(multiplicity = "1")
    Origin origin;

    @Option(names = "--then", paramLabel = "FILE", required = true, description = "The command file to run in the "
            + "fork.")
    Path file;

    @Option(names = "--save", paramLabel = "NAME", description = "Keep the fork's events as the branch NAME "
            + "(refused when a branch NAME exists, unless --replace).")
    String save;

    @Option(names = "--replace", description = "With --save: replace the saved branch NAME if there is one.")
    boolean replace;

    @Option(names = "--against", paramLabel = "head|fork-point", defaultValue = "head",
            description = "Compare with the record as it is now (head, the default) or as it was at the fork point.")
    String against;

    @Option(names = "--json", description = "Rejections and the diff as JSON objects, one per line, on stdout.")
    boolean json;

    @Option(names = "--actor", description = "Who enters the commands (default: the OS user).")
    String actor;

    @Override
    public Integer call() throws Exception {
        ForkDiff.Against comparison = comparison();
        String saved = save != null ? save : origin.from;
        if (replace && save == null) {
            throw new ParameterException(spec.commandLine(), "--replace only goes with --save NAME");
        }
        CommandFile lines = CommandFile.open(file);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (save != null) {
            try {
                BranchStore.checkName(save);
            } catch (DomainRuleException invalid) {
                throw new ExitCodes.Failure(invalid.code().name(), "cannot save as branch '" + save + "': "
                        + invalid.getMessage(), ExitCodes.FAILURE);
            }
        }
        CommandFileRunner.Outcome outcome;
        ForkDiff diff;
        try (Progress progress = Progress.onTerminal(err, "line")) {
            progress.phase("opening the store");
            try (Parley parley = Parley.open(store.urlOr(Store.DEFAULT_URL))) {
                Forks forks = parley.forks();
                if (saved != null && !saved.equals(origin.from) && !replace && forks.branches().exists(saved)) {
                    throw new ExitCodes.Failure("BRANCH_EXISTS", alreadySavedMessage(saved), ExitCodes.FAILURE);
                }
                progress.phase("forking");
                try (Fork fork = open(forks)) {
                    progress.phase("running " + file.getFileName() + " in the fork");
                    progress.at(0, lines.lines());
                    outcome = new CommandFileRunner(fork.commands(), actor != null ? actor
                            : Provenance.defaultActor())
                            .run(lines, new CommandFileRunner.Listener() {
                                @Override
                                public void accepted(dev.parley.application.commandfile.CommandLine line) {
                                    progress.at(line.line(), lines.lines());
                                }

                                @Override
                                public void rejected(Rejection rejection) {
                                    progress.above(() -> RejectionReport.print(rejection, json, out, err));
                                    progress.at(rejection.line(), lines.lines());
                                }
                            });
                    progress.phase("comparing the fork with the record");
                    diff = fork.diff(comparison);
                    if (saved != null) {
                        progress.phase("saving the branch " + saved);
                    }
                    if (saved != null && replace) {
                        fork.saveReplacing(saved);
                    } else if (saved != null) {
                        fork.save(saved);
                    }
                } catch (BranchStore.BranchExistsException savedMeanwhile) {
                    throw new ExitCodes.Failure("BRANCH_EXISTS", alreadySavedMessage(saved), ExitCodes.FAILURE);
                }
            }
        }
        out.print(json ? Json.write(diff) + "\n" : ForkText.render(diff));
        out.flush();
        int total = outcome.accepted() + outcome.rejections().size();
        err.println("Ran " + file + " in a fork at position " + diff.forkPoint() + ": " + outcome.accepted() + " of "
                            + total + " commands accepted"
                            + (outcome.allAccepted() ? "" : ", " + outcome.rejections().size() + " rejected")
                            + (saved == null ? "; the fork was not saved."
                                    : "; saved as branch " + TerminalText.escape(saved) + ".")
                            + " The record is unchanged.");
        err.flush();
        return outcome.allAccepted() ? ExitCodes.OK : ExitCodes.REJECTED;
    }

    private static String alreadySavedMessage(String name) {
        return "a branch named " + name + " is already saved; add --replace to replace it, or save under another name.";
    }

    private Fork open(Forks forks) {
        if (origin.from != null) {
            return forks.branch(origin.from);
        }
        String at = origin.at.strip();
        if (at.chars().allMatch(Character::isDigit) && !at.isEmpty()) {
            try {
                return forks.at(Long.parseLong(at));
            } catch (NumberFormatException tooLarge) {
                throw new IllegalArgumentException("cannot fork at position " + at + ": the record holds positions"
                                                           + " 1 to " + forks.head());
            }
        }
        Instant recordedBy;
        try {
            recordedBy = IsoTime.parse(at);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), "--at '" + at + "' is neither a position nor an "
                    + "ISO-8601 date or date-time with offset");
        }
        if (!Fields.isInRange(recordedBy)) {
            throw new ParameterException(spec.commandLine(), Fields.outOfRange("--at", recordedBy));
        }
        return forks.recordedBy(recordedBy);
    }

    private ForkDiff.Against comparison() {
        return switch (against) {
            case "head" -> ForkDiff.Against.HEAD;
            case "fork-point" -> ForkDiff.Against.FORK_POINT;
            default -> throw new ParameterException(spec.commandLine(), "--against must be head or fork-point, was "
                    + against);
        };
    }
}
