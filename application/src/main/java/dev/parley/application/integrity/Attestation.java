package dev.parley.application.integrity;

import java.util.List;

/**
 * An attested time-travel answer (docs/integrity.md, "Attested answers"): the status of {@code aggregateId} as it stood
 * at {@code at} by what was recorded by {@code knownAt} (ISO-8601 instants, null for open bounds), exactly as
 * {@code parley status --json} prints it; the signed checkpoint it rests on; the stream's head in the checkpoint's
 * heads tree (or, for a stream the tree does not hold, the heads on either side of where it would be); and every
 * event of the stream up to that head, each with its RFC 6962 inclusion proof. Hashes are hex, encodings base64.
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

    public static final String FORMAT = "parley-attestation-v1";

    public Attestation {
        neighbours = neighbours == null ? List.of() : List.copyOf(neighbours);
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** A stream head's encoding ({@link StreamHead}), its index in the heads tree, and its audit path there. */
    public record HeadProof(long index, String encoding, List<String> auditPath) {
    }

    /** An event's canonical encoding ({@link LeafInput}), its leaf index in the event tree, and its audit path. */
    public record EventProof(long leafIndex, String leafInput, List<String> auditPath) {
    }
}
