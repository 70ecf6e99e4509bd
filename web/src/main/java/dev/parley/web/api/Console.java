package dev.parley.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.application.Parley;
import dev.parley.application.commandfile.CommandFileRunner;
import dev.parley.application.commandfile.Rejection;
import dev.parley.application.fork.BranchStore;
import dev.parley.application.fork.Fork;
import dev.parley.application.fork.ForkDiff;
import dev.parley.application.fork.Forks;
import dev.parley.application.integrity.InclusionProof;
import dev.parley.application.integrity.Integrity;
import dev.parley.application.integrity.SignedTreeHead;
import dev.parley.application.integrity.Verification;
import dev.parley.application.messaging.Provenance;
import dev.parley.projections.audit.AuditEntry;
import dev.parley.projections.audit.AuditTrail;
import dev.parley.projections.audit.FindAuditTrailQuery;
import dev.parley.projections.json.IsoTime;
import dev.parley.projections.status.FindStatusAsOfQuery;
import dev.parley.projections.status.FindStatusQuery;
import dev.parley.projections.status.StatusReport;
import dev.parley.projections.timeline.FindTimelineQuery;
import dev.parley.projections.timeline.Timeline;
import dev.parley.shared.api.DomainRuleException;
import dev.parley.shared.api.Fields;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * What the console can ask of a Parley, read-only: the same queries and the same shapes as the command line's
 * {@code --json}. Forks run in memory and are saved, when asked, as branches apart from the record.
 */
public final class Console {

    private final Parley parley;
    private final Supplier<Integrity> integrity;
    private final Limits limits;
    private final Semaphore forksRunning;

    /**
     * How much the console takes: commands in one fork, forks at once, entries in one audit page, and how long a query
     * waits for the read models to catch up.
     *
     * @param maxForkCommands    the most commands one fork runs
     * @param maxConcurrentForks how many forks may run at once (at least one); more are refused with 429
     * @param maxPageSize        the largest page of an audit trail
     * @param catchUp            how long a query waits for the read models before answering 503
     */
    public record Limits(int maxForkCommands, int maxConcurrentForks, int maxPageSize, Duration catchUp) {
    }

    /**
     * A console on {@code parley}.
     *
     * @param parley    the Parley whose record, read models and branches the console reads
     * @param integrity the store's integrity checks, asked for each time they are needed
     * @param limits    how much the console takes
     */
    public Console(Parley parley, Supplier<Integrity> integrity, Limits limits) {
        this.parley = parley;
        this.integrity = integrity;
        this.limits = limits;
        this.forksRunning = new Semaphore(Math.max(1, limits.maxConcurrentForks()));
    }

    /**
     * Every negotiation and incident, or the one named, now or as of {@code at} / {@code knownAt} (either null).
     *
     * @param id      the negotiation or incident, or null for all
     * @param at      the time things had happened by, or null for now
     * @param knownAt the time things had been recorded by, or null for now
     * @return the report {@code parley status --json} prints
     * @throws ApiException 400 for an invalid id, 404 when the one named is not there (as of that time), 503 when
     *                      the read models do not catch up in time
     */
    public StatusReport status(String id, Instant at, Instant knownAt) {
        if (id != null) {
            requireId(id, "id");
        }
        Object query = at != null || knownAt != null ? new FindStatusAsOfQuery(id, at, knownAt)
                : id == null ? FindStatusQuery.all() : FindStatusQuery.of(id);
        StatusReport report = ask(query, StatusReport.class);
        if (id != null && report.negotiations().isEmpty() && report.incidents().isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "no negotiation or incident " + id
                    + (at != null || knownAt != null ? " as of that time" : ""));
        }
        return report;
    }

    /**
     * Every event in the order things happened, as {@code parley timeline --json}.
     *
     * @param at      the time things had happened by, or null for now
     * @param knownAt the time things had been recorded by, or null for now
     * @return the timeline
     * @throws ApiException 503 when the read models do not catch up in time
     */
    public Timeline timeline(Instant at, Instant knownAt) {
        return ask(new FindTimelineQuery(at, knownAt), Timeline.class);
    }

    /**
     * One page of the audit trail of every event, or of one aggregate's, in store order.
     *
     * @param id     the aggregate, or null for every event
     * @param offset how many entries to skip, 0 or more
     * @param limit  how many entries at most, 1 to the largest page
     * @return the page, with the trail's total
     * @throws ApiException 400 for an invalid id, offset or limit, 404 when no events are recorded for {@code id}
     */
    public AuditPage audit(String id, int offset, int limit) {
        if (id != null) {
            requireId(id, "aggregateId");
        }
        if (offset < 0) {
            throw invalid("offset must be 0 or more, was " + offset);
        }
        if (limit < 1 || limit > limits.maxPageSize()) {
            throw invalid("limit must be 1 to " + limits.maxPageSize() + ", was " + limit);
        }
        AuditTrail trail = ask(new FindAuditTrailQuery(id), AuditTrail.class);
        if (id != null && trail.entries().isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "no events recorded for " + id);
        }
        List<AuditEntry> entries = trail.entries();
        int from = Math.min(offset, entries.size());
        int to = Math.min(entries.size(), from + limit);
        return new AuditPage(entries.size(), offset, limit, entries.subList(from, to));
    }

    /**
     * Recomputes every hash, stream chain and the Merkle tree, as {@code parley verify --json}; one at a time, since
     * each reads the whole store.
     *
     * @return the report, intact or naming the first problem
     */
    public synchronized VerifyReport verify() {
        Verification verified = integrity.get().verify(done -> { });
        return VerifyReport.of(verified, null, null);
    }

    /**
     * The latest signed checkpoint.
     *
     * @return its tree size, root and the note {@code parley checkpoint} wrote
     * @throws ApiException 404 ({@code NO_CHECKPOINT}) when none is signed yet
     */
    public CheckpointView latestCheckpoint() {
        SignedTreeHead checkpoint = latest();
        return CheckpointView.of(checkpoint);
    }

    private SignedTreeHead latest() {
        return integrity.get().latestCheckpoint().orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                "NO_CHECKPOINT", "no checkpoint yet: one is signed with parley checkpoint"));
    }

    /**
     * The verifier key that checks this store's checkpoints; never makes a key.
     *
     * @return the key as {@code parley verify-proof} takes it (origin+keyid+base64)
     * @throws ApiException 404 ({@code NO_KEY}) when the store has no signing key yet
     */
    public String verifierKey() {
        Integrity store = integrity.get();
        if (store.publicKeyOrNull() == null) {
            throw new ApiException(HttpStatus.NOT_FOUND, "NO_KEY", "this store has no signing key yet: one is made "
                    + "by parley checkpoint");
        }
        return store.verifierKey().toString();
    }

    /**
     * The inclusion proof of the event at {@code position} against the latest checkpoint, as {@code parley prove}.
     *
     * @param position the event's position in the record, from 1
     * @return the proof
     * @throws ApiException 404 when there is no checkpoint or no such event, 409 when the event came after the
     *                      checkpoint ({@code NOT_IN_CHECKPOINT}) or the store does not verify ({@code TAMPERED})
     */
    public InclusionProof prove(long position) {
        SignedTreeHead checkpoint = latest();
        if (position < 1 || position > parley.forks().head()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "no event at position " + position
                    + ": the record holds positions 1 to " + parley.forks().head());
        }
        Integrity.Outcome<InclusionProof> proof;
        try {
            proof = integrity.get().prove(position, checkpoint);
        } catch (IllegalArgumentException afterCheckpoint) {
            throw new ApiException(HttpStatus.CONFLICT, "NOT_IN_CHECKPOINT", afterCheckpoint.getMessage());
        }
        if (!proof.intact()) {
            throw new ApiException(HttpStatus.CONFLICT, "TAMPERED", "the store does not verify: "
                    + proof.problem().describe());
        }
        return proof.value();
    }

    /**
     * Runs the commands in a fork of the record (at a position or recording time) or of a saved branch, and compares
     * it with the record; saves it as a branch only when asked. The record is never written.
     *
     * @param request where the fork starts, its commands, and how to compare and save it
     * @return the accepted and rejected commands, the diff, and the branch saved as
     * @throws ApiException 400 for an invalid request, 404 for an unknown branch to start from, 409 when the branch
     *                      to save is there already, 413 for too many commands, 429 when other forks are running
     */
    public ForkResult fork(ForkRequest request) {
        List<String> lines = lines(request);
        ForkDiff.Against against = against(request.against());
        String save = request.save();
        if (save != null) {
            try {
                BranchStore.checkName(save);
            } catch (DomainRuleException invalid) {
                throw invalid("cannot save as branch '" + save + "': " + invalid.getMessage());
            }
        }
        boolean replace = Boolean.TRUE.equals(request.replace());
        if (replace && save == null) {
            throw invalid("replace only goes with save");
        }
        if (request.actor() != null) {
            try {
                Fields.text(request.actor(), "actor");
            } catch (DomainRuleException invalid) {
                throw invalid(invalid.getMessage());
            }
        }
        if (!forksRunning.tryAcquire()) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_FORKS", "other forks are running; try "
                    + "again in a moment");
        }
        try {
            Forks forks = parley.forks();
            if (save != null && !save.equals(request.from()) && !replace && forks.branches().exists(save)) {
                throw alreadySaved(save);
            }
            List<RejectionView> rejections = new ArrayList<>();
            try (Fork fork = open(forks, request)) {
                CommandFileRunner.Outcome outcome = new CommandFileRunner(fork.commands(),
                        request.actor() != null ? request.actor() : Provenance.defaultActor())
                        .run(lines, new CommandFileRunner.Listener() {
                            @Override
                            public void rejected(Rejection rejection) {
                                rejections.add(RejectionView.of(rejection));
                            }
                        });
                ForkDiff diff = fork.diff(against);
                if (save != null && replace) {
                    fork.saveReplacing(save);
                } else if (save != null) {
                    fork.save(save);
                }
                return new ForkResult(diff.forkPoint(), outcome.accepted(), rejections, diff, save);
            } catch (BranchStore.BranchExistsException savedMeanwhile) {
                throw alreadySaved(save);
            }
        } finally {
            forksRunning.release();
        }
    }

    /**
     * The saved what-if branches, as {@code parley forks --json}.
     *
     * @return a summary of each
     */
    public List<BranchStore.BranchSummary> branches() {
        return parley.forks().branches().list();
    }

    /**
     * A saved branch: its summary and how it differs from the record now. Nothing is saved.
     *
     * @param name the branch's name
     * @return its summary and diff against the record's head
     * @throws ApiException 400 for an invalid name, 404 when no branch has it
     */
    public BranchView branch(String name) {
        requireId(name, "name");
        BranchStore.BranchSummary summary = branches().stream().filter(branch -> branch.name().equals(name))
                .findFirst().orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND",
                        "no branch named " + name));
        try (Fork fork = parley.forks().branch(name)) {
            return new BranchView(summary, fork.diff(ForkDiff.Against.HEAD));
        }
    }

    /**
     * The record's head.
     *
     * @return the position of the last event recorded
     */
    public long head() {
        return parley.forks().head();
    }

    /**
     * Reads a time given as a query parameter, as the command line reads {@code --at}: null when absent.
     *
     * @param value the parameter's value: an ISO-8601 date or date-time with offset, or null or blank
     * @param name  the parameter's name, for the message
     * @return the time, or null when {@code value} is absent
     * @throws ApiException 400 when {@code value} is not such a time or is out of range
     */
    public static Instant time(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant time;
        try {
            time = IsoTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw invalid(name + " '" + value + "' is not an ISO-8601 date (2025-10-12) or date-time with offset "
                                  + "(2025-10-12T08:30:00+05:00)");
        }
        if (!Fields.isInRange(time)) {
            throw invalid(Fields.outOfRange(name, time));
        }
        return time;
    }

    private List<String> lines(ForkRequest request) {
        if ((request.commands() == null) == (request.commandFile() == null)) {
            throw invalid("a fork takes its commands as commands (a list of command-file objects) or as commandFile "
                                  + "(the text of a command file), one of them");
        }
        List<String> lines;
        if (request.commands() != null) {
            lines = new ArrayList<>(request.commands().size());
            for (JsonNode command : request.commands()) {
                lines.add(command == null ? "null" : command.toString());
            }
        } else {
            lines = Arrays.asList(request.commandFile().split("\n", -1));
        }
        long commands = lines.stream().filter(line -> !line.isBlank() && !line.strip().startsWith("#")).count();
        if (commands > limits.maxForkCommands()) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "TOO_MANY_COMMANDS", "a fork takes up to "
                    + limits.maxForkCommands() + " commands, not " + commands);
        }
        return lines;
    }

    private Fork open(Forks forks, ForkRequest request) {
        if ((request.at() == null) == (request.from() == null)) {
            throw invalid("a fork starts at a position or recording time (at) or from a saved branch (from), one of "
                                  + "them");
        }
        if (request.from() != null) {
            requireId(request.from(), "from");
            if (!forks.branches().exists(request.from())) {
                throw new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "no branch named " + request.from());
            }
            return forks.branch(request.from());
        }
        String at = request.at().strip();
        if (!at.isEmpty() && at.chars().allMatch(Character::isDigit)) {
            long position;
            try {
                position = Long.parseLong(at);
            } catch (NumberFormatException tooLarge) {
                position = Long.MAX_VALUE;
            }
            long head = forks.head();
            if (position > head) {
                throw invalid("cannot fork at position " + at + ": the record holds positions 1 to " + head);
            }
            return forks.at(position);
        }
        return forks.recordedBy(time(at, "at"));
    }

    private static ForkDiff.Against against(String against) {
        if (against == null || against.equals("head")) {
            return ForkDiff.Against.HEAD;
        }
        if (against.equals("fork-point")) {
            return ForkDiff.Against.FORK_POINT;
        }
        throw invalid("against must be head or fork-point, was " + against);
    }

    private static ApiException alreadySaved(String name) {
        return new ApiException(HttpStatus.CONFLICT, "BRANCH_EXISTS", "a branch named " + name + " is already "
                + "saved; set replace to replace it, or save under another name");
    }

    private static void requireId(String id, String field) {
        try {
            Fields.id(id, field);
        } catch (DomainRuleException invalid) {
            throw invalid(invalid.getMessage());
        }
    }

    private static ApiException invalid(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "INVALID_COMMAND", message);
    }

    private <R> R ask(Object query, Class<R> answer) {
        try {
            parley.awaitReadModels(limits.catchUp());
            return parley.queries().query(query, answer).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "UNAVAILABLE", "the console is stopping");
        } catch (TimeoutException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "CATCHING_UP", "the read models are still "
                    + "catching up with the record; try again in a moment");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DomainRuleException rule) {
                throw invalid(rule.getMessage());
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
