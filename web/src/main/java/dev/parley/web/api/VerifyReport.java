package dev.parley.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.parley.application.integrity.Hashes;
import dev.parley.application.integrity.SignedTreeHead;
import dev.parley.application.integrity.Verification;

/**
 * The outcome of verifying a store, as {@code parley verify --json} prints it: whether it is intact, how many events
 * were checked and how fast, the root hash, the first bad position and its stream, and the problem; with a checkpoint,
 * its size and whether the history is an append-only extension of it.
 *
 * @param intact               whether no problem was found, in the store or against the checkpoint
 * @param events               how many events were checked
 * @param seconds              how long the check took, to the millisecond
 * @param eventsPerSecond      how many events were checked a second
 * @param rootHash             the recomputed Merkle root in hex, or null when the store does not verify
 * @param firstBadPosition     the position of the first event at fault, or null when none is (or the fault is in a
 *                             snapshot)
 * @param stream               the stream of the problem, or null without one
 * @param problem              what is wrong, or null without a problem
 * @param checkpointTreeSize   the checkpoint's tree size, or null (and left out) without a checkpoint
 * @param checkpointConsistent whether the store verifies and extends the checkpoint, or null (and left out) without
 *                             one
 */
public record VerifyReport(boolean intact, long events, double seconds, long eventsPerSecond, String rootHash,
                           Long firstBadPosition, String stream, String problem,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Long checkpointTreeSize,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Boolean checkpointConsistent) {

    /**
     * The report of {@code verified}, checked against {@code checkpointOrNull} with {@code checkpointProblem}.
     *
     * @param verified          what recomputing the store found
     * @param checkpointProblem what is wrong against the checkpoint, or null when nothing is
     * @param checkpointOrNull  the checkpoint checked against, or null for none
     * @return the report; intact only when both the store and the checkpoint check are
     */
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
