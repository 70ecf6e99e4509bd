package dev.parley.application.commandfile;

import dev.parley.application.messaging.Provenance;
import dev.parley.shared.api.DomainRuleException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Applies a command file line by line, in order, each line in its own transaction: accepted lines are stored,
 * rejected ones leave no trace and the run goes on. A runner runs one file at a time; concurrent writers each use
 * their own.
 */
public final class CommandFileRunner {

    /** Hears how each line went, as it goes. */
    public interface Listener {

        default void accepted(CommandLine line) {
        }

        default void rejected(Rejection rejection) {
        }
    }

    /**
     * What a run did: how many lines were applied, every rejection in line order, and how many times a line was
     * decided again because another writer had appended to its aggregate first.
     */
    public record Outcome(int accepted, List<Rejection> rejections, int conflictsRetried) {

        public Outcome {
            rejections = List.copyOf(rejections);
        }

        public boolean allAccepted() {
            return rejections.isEmpty();
        }
    }

    private static final String BYTE_ORDER_MARK = "\uFEFF";
    /** How often one line is decided again after losing a race with another writer before the run gives up. */
    static final int MAX_ATTEMPTS = 25;

    private final CommandGateway commands;
    private final String defaultActor;
    private final CommandFileParser parser = new CommandFileParser();
    private int conflictsRetried;

    public CommandFileRunner(CommandGateway commands, String defaultActor) {
        this.commands = commands;
        this.defaultActor = defaultActor;
    }

    /** Reads a UTF-8 file and runs it; an unreadable file is a {@link CommandFileException}. */
    public Outcome run(Path file, Listener listener) {
        return run(readLines(file), listener);
    }

    /** The physical lines of a UTF-8 command file; an unreadable file is a {@link CommandFileException}. */
    public static List<String> readLines(Path file) {
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
            if (!lines.isEmpty() && lines.get(0).startsWith(BYTE_ORDER_MARK)) {
                lines.set(0, lines.get(0).substring(BYTE_ORDER_MARK.length()));
            }
            return lines;
        } catch (NoSuchFileException e) {
            throw new CommandFileException("cannot read command file " + file + ": no such file", e);
        } catch (MalformedInputException e) {
            throw new CommandFileException("cannot read command file " + file + ": not UTF-8 text", e);
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (e instanceof java.nio.file.FileSystemException fileSystem && fileSystem.getReason() != null) {
                reason = fileSystem.getReason();
            }
            throw new CommandFileException("cannot read command file " + file + ": " + reason, e);
        }
    }

    /** Runs the lines of a command file; line numbers are the physical, 1-based positions in {@code lines}. */
    public Outcome run(List<String> lines, Listener listener) {
        conflictsRetried = 0;
        int accepted = 0;
        List<Rejection> rejections = new ArrayList<>();
        for (int index = 0; index < lines.size(); index++) {
            String text = lines.get(index);
            if (CommandFileParser.isSkipped(text)) {
                continue;
            }
            int number = index + 1;
            Rejection rejection;
            try {
                CommandLine line = parser.parse(number, text);
                rejection = dispatch(line);
                if (rejection == null) {
                    accepted++;
                    listener.accepted(line);
                    continue;
                }
            } catch (LineRejectedException unreadable) {
                rejection = new Rejection(number, unreadable.commandName(), unreadable.reason().code(),
                                          unreadable.reason().getMessage());
            }
            rejections.add(rejection);
            listener.rejected(rejection);
        }
        return new Outcome(accepted, rejections, conflictsRetried);
    }

    /**
     * Sends the line's command; the rejection when a rule refused it, else null. A line that lost a race with another
     * writer on its aggregate is decided again against the history that won, after a short random pause.
     */
    private Rejection dispatch(CommandLine line) {
        String actor = line.actor() != null ? line.actor() : defaultActor;
        for (int attempt = 1; ; attempt++) {
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(line.command())
                                                          .andMetaData(Provenance.enteredBy(actor)));
                return null;
            } catch (DomainRuleException rejected) {
                return new Rejection(line.line(), line.name(), rejected.code(), rejected.getMessage());
            } catch (ConcurrencyException | AggregateStreamCreationException conflict) {
                if (attempt == MAX_ATTEMPTS) {
                    throw new CommandFileException(
                            "line " + line.line() + " (" + line.name() + "): another writer kept appending to "
                                    + line.command().aggregateId() + "; gave up after " + MAX_ATTEMPTS
                                    + " attempts. The lines before it are stored; it and the lines after it were "
                                    + "not run", conflict);
                }
                conflictsRetried++;
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * Math.min(attempt, 10) + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFileException("interrupted while retrying a conflicting line", e);
        }
    }
}
