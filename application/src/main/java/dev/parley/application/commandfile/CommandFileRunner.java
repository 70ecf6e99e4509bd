package dev.parley.application.commandfile;

import dev.parley.application.storage.GroupCommit;
import dev.parley.application.messaging.ConflictRetryScheduler;
import dev.parley.application.messaging.Provenance;
import dev.parley.shared.api.DomainRuleException;
import dev.parley.shared.api.Fields;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Applies a command file line by line, in order, each line in its own transaction: accepted lines are stored,
 * rejected ones leave no trace and the run goes on. Files are streamed, so memory does not grow with their length. A
 * {@link #resuming} runner records each stored line and skips the lines an earlier run of the same file stored. A
 * runner runs one file at a time; concurrent writers each use their own.
 */
public final class CommandFileRunner {

    /** Hears how each line went, as it goes. */
    public interface Listener {

        /**
         * The line's command was applied; by default nothing is done.
         *
         * @param line the line
         */
        default void accepted(CommandLine line) {
        }

        /**
         * The line was rejected; by default nothing is done.
         *
         * @param rejection the line, its error code and why
         */
        default void rejected(Rejection rejection) {
        }

        /**
         * The line was stored by an earlier run of the same file and is not applied again.
         *
         * @param line the line's number, from 1
         */
        default void skipped(int line) {
        }
    }

    /**
     * What a run did: how many lines were applied, every rejection in line order, how many times a line was decided
     * again because another writer had appended to its aggregate first, and how many lines were skipped because an
     * earlier run of the same file had stored them.
     *
     * @param accepted         the lines applied
     * @param rejections       the rejected lines, in line order
     * @param conflictsRetried how many times a line was decided again after a conflict
     * @param skipped          the lines an earlier run had stored
     */
    public record Outcome(int accepted, List<Rejection> rejections, int conflictsRetried, int skipped) {

        /**
         * Copies the rejections.
         *
         * @param accepted the lines applied
         * @param rejections the rejected lines, in line order
         * @param conflictsRetried how many times a line was decided again after a conflict
         * @param skipped the lines an earlier run had stored
         */
        public Outcome {
            rejections = List.copyOf(rejections);
        }

        /**
         * Whether no line was rejected.
         *
         * @return true without rejections
         */
        public boolean allAccepted() {
            return rejections.isEmpty();
        }
    }

    /** What {@code dispatch} answers for a line another run of the same file stored first. */
    private static final Rejection SKIPPED = new Rejection(0, null, null, null);
    /** How often one line is decided again after losing a race with another writer before the run gives up. */
    static final int MAX_ATTEMPTS = 25;

    /** Lines decided ahead of their commits at most; then the runner waits for the oldest. */
    static final int MAX_IN_FLIGHT = 2_000;

    private final CommandGateway commands;
    private final String defaultActor;
    private final AppliedLines appliedLines;
    private final GroupCommit groupCommit;
    private final CommandFileParser parser = new CommandFileParser();

    /**
     * A runner that applies every line through {@code commands}, skipping nothing.
     *
     * @param commands the command gateway
     * @param defaultActor the actor of commands whose line names none
     * @throws dev.parley.shared.api.DomainRuleException if the actor is blank or beyond the limits of a text field
     */
    public CommandFileRunner(CommandGateway commands, String defaultActor) {
        this(commands, defaultActor, null, null);
    }

    private CommandFileRunner(CommandGateway commands, String defaultActor, AppliedLines appliedLines,
                              GroupCommit groupCommit) {
        this.commands = commands;
        this.defaultActor = Fields.text(defaultActor, "actor");
        this.appliedLines = appliedLines;
        this.groupCommit = groupCommit;
    }

    /**
     * A runner that resumes: each command carries the file's digest and its line in its metadata, the line is
     * recorded as stored with its events, and lines an earlier run of the same file stored are skipped.
     * {@code appliedLines} must be the one the gateway's command bus records with.
     *
     * @param appliedLines the lines the store holds
     * @return a new runner; this one is unchanged
     */
    public CommandFileRunner resuming(AppliedLines appliedLines) {
        return new CommandFileRunner(commands, defaultActor, appliedLines, groupCommit);
    }

    /**
     * A runner that decides each line while the commits of the lines before it are still in flight, so that they
     * share commits ({@link GroupCommit}); {@code groupCommit} must be the one the gateway's events are stored with.
     * Each line still sees the effects of the lines before it, and is reported accepted only once its events are
     * stored. Should a commit fail, the lines decided on top of it are not stored either: the runner waits for every
     * line in flight, forgets the aggregates it decided them on, and decides them again, in order, one by one.
     * A line rejected while lines before it were in flight is decided again once they are stored, so that it is
     * never refused for want of what they store.
     *
     * @param groupCommit the group commit of the gateway's appends
     * @return a new runner; this one is unchanged
     */
    public CommandFileRunner overlapping(GroupCommit groupCommit) {
        return new CommandFileRunner(commands, defaultActor, appliedLines, groupCommit);
    }

    /**
     * Reads a UTF-8 command file as it goes and runs it; an unreadable file is a {@link CommandFileException}.
     *
     * @param file the command file
     * @param listener hears each line as it goes
     * @return what the run did
     */
    public Outcome run(Path file, Listener listener) {
        return run(CommandFile.open(file), listener);
    }

    /**
     * Runs a command file, reading it line by line; line numbers are the file's physical, 1-based lines.
     *
     * @param file the command file
     * @param listener hears each line as it goes
     * @return what the run did
     */
    public Outcome run(CommandFile file, Listener listener) {
        BitSet stored = appliedLines == null ? new BitSet() : appliedLines.of(file.digest());
        Run run = new Run(listener, appliedLines == null ? null : file.digest(), stored);
        file.forEachLine(run::line);
        run.settle();
        return run.outcome();
    }

    /**
     * Runs lines held in memory; line numbers are the physical, 1-based positions in {@code lines}.
     *
     * @param lines the lines
     * @param listener hears each line as it goes
     * @return what the run did
     */
    public Outcome run(List<String> lines, Listener listener) {
        Run run = new Run(listener, null, new BitSet());
        for (int index = 0; index < lines.size(); index++) {
            run.line(index + 1, lines.get(index));
        }
        run.settle();
        return run.outcome();
    }

    /** One run through a file: its counts so far. */
    private final class Run {

        private final Listener listener;
        private final String fileDigest;
        private final BitSet stored;
        private final List<Rejection> rejections = new ArrayList<>();
        /** Lines whose events were handed over and are not yet reported, in line order. */
        private final ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
        private int accepted;
        private int lastAccepted;
        private int skipped;
        private int conflictsRetried;

        Run(Listener listener, String fileDigest, BitSet stored) {
            this.listener = listener;
            this.fileDigest = fileDigest;
            this.stored = stored;
        }

        void line(int number, String text) {
            if (CommandFileParser.isSkipped(text)) {
                return;
            }
            if (stored.get(number)) {
                skipped++;
                listener.skipped(number);
                return;
            }
            Rejection rejection;
            try {
                CommandLine line = parser.parse(number, text);
                if (groupCommit != null && decideAhead(line)) {
                    return;
                }
                rejection = dispatch(line);
                if (rejection == SKIPPED) {
                    return;
                }
                if (rejection == null) {
                    accepted++;
                    lastAccepted = number;
                    listener.accepted(line);
                    return;
                }
            } catch (LineRejectedException unreadable) {
                settle();
                rejection = new Rejection(number, unreadable.commandName(), unreadable.reason().code(),
                                          unreadable.reason().getMessage());
            }
            rejections.add(rejection);
            listener.rejected(rejection);
        }

        /**
         * Decides {@code line} without waiting for its commit; false when it was not handed over (refused, or
         * failed), after every line before it is settled, so that the caller decides it again the sure way.
         */
        private boolean decideAhead(CommandLine line) {
            String actor = line.actor() != null ? line.actor() : defaultActor;
            MetaData metaData = fileDigest == null ? Provenance.enteredBy(actor)
                    : Provenance.enteredBy(actor, fileDigest, line.line());
            CompletableFuture<Void> durable;
            try {
                durable = groupCommit.deferring(() -> commands.sendAndWait(
                        GenericCommandMessage.asCommandMessage(line.command()).andMetaData(metaData)));
            } catch (RuntimeException notHandedOver) {
                settle();
                return false;
            }
            inFlight.add(new InFlight(line, durable));
            if (inFlight.size() >= MAX_IN_FLIGHT) {
                inFlight.peek().durable().exceptionally(failed -> null).join();
            }
            reportStored();
            return true;
        }

        /** Waits for every line in flight and reports each. */
        void settle() {
            while (!inFlight.isEmpty()) {
                inFlight.peek().durable().exceptionally(failed -> null).join();
                reportStored();
            }
        }

        /**
         * Reports the lines in flight whose commits completed, in order, up to the first still in flight. A failed
         * one, and every line after it, are decided again one by one once all have been answered.
         */
        private void reportStored() {
            while (!inFlight.isEmpty() && inFlight.peek().durable().isDone()) {
                InFlight head = inFlight.poll();
                if (!head.durable().isCompletedExceptionally()) {
                    accepted++;
                    lastAccepted = head.line().line();
                    listener.accepted(head.line());
                    continue;
                }
                List<InFlight> again = new ArrayList<>();
                again.add(head);
                again.addAll(inFlight);
                inFlight.clear();
                again.forEach(line -> line.durable().exceptionally(failed -> null).join());
                groupCommit.discardDecisions();
                for (InFlight line : again) {
                    if (line.durable().isCompletedExceptionally()) {
                        if (ConflictRetryScheduler.isConflict(failureOf(line.durable()))) {
                            conflictsRetried++;
                        }
                        decideAgain(line.line());
                    } else {
                        accepted++;
                        lastAccepted = line.line().line();
                        listener.accepted(line.line());
                    }
                }
            }
        }

        private void decideAgain(CommandLine line) {
            Rejection rejection = dispatch(line);
            if (rejection == SKIPPED) {
                return;
            }
            if (rejection == null) {
                accepted++;
                lastAccepted = line.line();
                listener.accepted(line);
                return;
            }
            rejections.add(rejection);
            listener.rejected(rejection);
        }

        Outcome outcome() {
            return new Outcome(accepted, rejections, conflictsRetried, skipped);
        }

        /**
         * Sends the line's command; the rejection when a rule refused it, {@link #SKIPPED} when another run of the
         * same file stored the line first, else null. A line that lost a race with another writer on its aggregate is
         * decided again against the history that won, after a short random pause. A line the store could not take
         * ends the run: what was stored so far stays stored.
         */
        private Rejection dispatch(CommandLine line) {
            String actor = line.actor() != null ? line.actor() : defaultActor;
            MetaData metaData = fileDigest == null ? Provenance.enteredBy(actor)
                    : Provenance.enteredBy(actor, fileDigest, line.line());
            for (int attempt = 1; ; attempt++) {
                try {
                    commands.sendAndWait(GenericCommandMessage.asCommandMessage(line.command()).andMetaData(metaData));
                    return null;
                } catch (DomainRuleException rejected) {
                    if (fileDigest != null && appliedLines.contains(fileDigest, line.line())) {
                        // Refused only because another run of the same file stored it meanwhile.
                        skipped++;
                        listener.skipped(line.line());
                        return SKIPPED;
                    }
                    return new Rejection(line.line(), line.name(), rejected.code(), rejected.getMessage());
                } catch (ConcurrencyException | AggregateStreamCreationException conflict) {
                    if (attempt == MAX_ATTEMPTS) {
                        throw new LineNotStoredException(line.line(), line.name(), accepted, lastAccepted,
                                                         "another writer kept appending to "
                                                                 + line.command().aggregateId() + "; gave up after "
                                                                 + MAX_ATTEMPTS + " attempts", fileDigest != null,
                                                         conflict);
                    }
                    conflictsRetried++;
                    pause(attempt);
                } catch (AppliedLines.LineAlreadyStoredException storedByAnotherRun) {
                    skipped++;
                    listener.skipped(line.line());
                    return SKIPPED;
                } catch (RuntimeException failed) {
                    throw new LineNotStoredException(line.line(), line.name(), accepted, lastAccepted, null,
                                                     fileDigest != null, failed);
                }
            }
        }
    }

    /** A line whose events were handed over to the group commit, and when they are stored. */
    private record InFlight(CommandLine line, CompletableFuture<Void> durable) {
    }

    private static Throwable failureOf(CompletableFuture<Void> failed) {
        try {
            failed.join();
            return null;
        } catch (CompletionException e) {
            return e.getCause();
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
