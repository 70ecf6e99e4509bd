package dev.parley.application.integrity;

import java.util.List;

/**
 * An attested time-travel answer (docs/integrity.md, "Attested answers"): the status of {@code aggregateId} as it stood
 * at {@code at} by what was recorded by {@code knownAt} (ISO-8601 instants, null for open bounds), exactly as
 * {@code parley status --json} prints it; the signed checkpoint it rests on; the stream's head in the checkpoint's
 * heads tree (or, for a stream the tree does not hold, the heads on either side of where it would be); and every
 * event of the stream up to that head, each with its RFC 6962 inclusion proof. Hashes are hex, encodings base64.
 *
 * @param format      {@value #FORMAT}
 * @param aggregateId the negotiation or incident
 * @param at          the valid time, or null
 * @param knownAt     the transaction time, or null
 * @param answer      the status, as {@code parley status --json} prints it
 * @param checkpoint  the signed checkpoint, as text
 * @param head        the stream's head in the heads tree, or null when the tree does not hold the stream
 * @param neighbours  the heads on either side of where the stream would be, when the tree does not hold it
 * @param events      every event of the stream up to its head, with its inclusion proof
 */
public record Attestation(String format,
                          String aggregateId,
                          String at,
                          String knownAt,
                          String answer,
                          String checkpoint,
                          HeadProof head,
                          List<HeadProof> neighbours,
                          List<EventProof> events) {

    /** The format this version writes and reads. */
    public static final String FORMAT = "parley-attestation-v1";

    /**
     * Copies the lists; a missing one is empty.
     *
     * @param format {@value #FORMAT}
     * @param aggregateId the negotiation or incident
     * @param at the valid time, or null
     * @param knownAt the transaction time, or null
     * @param answer the status, as {@code parley status --json} prints it
     * @param checkpoint the signed checkpoint, as text
     * @param head the stream's head in the heads tree, or null when the tree does not hold the stream
     * @param neighbours the heads on either side of where the stream would be, when the tree does not hold it
     * @param events every event of the stream up to its head, with its inclusion proof
     */
    public Attestation {
        neighbours = neighbours == null ? List.of() : List.copyOf(neighbours);
        events = events == null ? List.of() : List.copyOf(events);
    }

    /**
     * A stream head's encoding ({@link StreamHead}), its index in the heads tree, and its audit path there.
     *
     * @param index     the head's index in the heads tree
     * @param encoding  the head's encoding, base64
     * @param auditPath the audit path, hex hashes from the leaf up
     */
    public record HeadProof(long index, String encoding, List<String> auditPath) {
    }

    /**
     * An event's canonical encoding ({@link LeafInput}), its leaf index in the event tree, and its audit path.
     *
     * @param leafIndex the event's leaf index
     * @param leafInput the event's encoding, base64
     * @param auditPath the audit path, hex hashes from the leaf up
     */
    public record EventProof(long leafIndex, String leafInput, List<String> auditPath) {
    }
}
