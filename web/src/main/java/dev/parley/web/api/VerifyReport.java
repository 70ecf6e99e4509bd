package dev.parley.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.parley.application.integrity.Hashes;
import dev.parley.application.integrity.SignedTreeHead;
import dev.parley.application.integrity.Verification;

/**
 * The outcome of verifying a store, as {@code parley verify --json} prints it: whether it is intact, how many events
 * were checked and how fast, the root hash, the first bad position and its stream, and the problem; with a checkpoint,
 * its size and whether the history is an append-only extension of it.
 */
public record VerifyReport(boolean intact, long events, double seconds, long eventsPerSecond, String rootHash,
                           Long firstBadPosition, String stream, String problem,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Long checkpointTreeSize,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Boolean checkpointConsistent) {

    /** The report of {@code verified}, checked against {@code checkpointOrNull} with {@code checkpointProblem}. */
    public static VerifyReport of(Verification verified, String checkpointProblem, SignedTreeHead checkpointOrNull) {
        boolean intact = verified.intact() && checkpointProblem == null;
        double seconds = verified.nanos() / 1e9;
        long events = verified.leaves().size();
        return new VerifyReport(intact, events, Math.round(seconds * 1000) / 1000.0,
                                Math.round(events / Math.max(seconds, 1e-9)),
                                verified.intact() ? Hashes.hex(verified.root()) : null,
                                verified.intact() || verified.problem().inSnapshot() ? null
                                        : verified.problem().position(),
                                verified.intact() ? null : verified.problem().stream(),
                                verified.intact() ? checkpointProblem : verified.problem().what(),
                                checkpointOrNull == null ? null : checkpointOrNull.treeSize(),
                                checkpointOrNull == null ? null : verified.intact() && checkpointProblem == null);
    }
}
