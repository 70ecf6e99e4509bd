package dev.parley.application.integrity;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.parley.application.serialization.ParleySerializers;
import dev.parley.projections.json.ParleyJson;
import dev.parley.projections.status.FindStatusAsOfQuery;
import dev.parley.projections.status.StatusHistory;
import dev.parley.projections.status.StatusReport;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Checks an {@link Attestation} with no store: the checkpoint's signature (and cosignatures), the stream's head in
 * the checkpoint's heads tree, or its absence between two adjacent heads; every event of the stream from sequence 0
 * to that head, chained and included in the checkpoint's tree; then folds them with the status's own time-travel code
 * ({@link StatusHistory}) and compares the result with the attested answer, byte for byte.
 */
public final class AttestedAnswer {

    private AttestedAnswer() {
    }

    /**
     * The outcome: the problem (null when the attestation holds), and what the checked events give.
     *
     * @param problem      why the attestation does not hold, or null
     * @param report       the status the checked events give
     * @param answer       that status as text, as {@link #text} writes it
     * @param checkpoint   the checkpoint the attestation rests on
     * @param streamEvents how many events of the stream were checked
     */
    public record Outcome(String problem, StatusReport report, String answer, SignedCheckpoint checkpoint,
                          long streamEvents) {

        /**
         * Whether the attestation holds.
         *
         * @return true without a problem
         */
        public boolean valid() {
            return problem == null;
        }

        static Outcome invalid(String problem) {
            return new Outcome(problem, null, null, null, 0);
        }
    }

    /**
     * The status the events of a stream give on both time axes, folded exactly as {@code parley status} folds.
     *
     * @param aggregateId the stream's aggregate
     * @param stream its events, in order
     * @param at the valid time, or null
     * @param knownAt the transaction time, or null
     * @return the status
     */
    public static StatusReport fold(String aggregateId, List<LeafInput> stream, Instant at, Instant knownAt) {
        List<DomainEventData<?>> entries = new ArrayList<>(stream.size());
        for (LeafInput event : stream) {
            entries.add(new GenericDomainEventEntry<>(
                    event.aggregateType(), event.aggregateId(), event.sequence(), event.eventIdentifier(),
                    event.timestamp(), event.payloadType(), event.payloadRevision(), event.payload(),
                    event.metaData() == null ? "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)
                            : event.metaData()));
        }
        StatusHistory history = new StatusHistory(
                id -> EventStreamUtils.upcastAndDeserializeDomainEvents(entries.stream(), ParleySerializers.events(),
                                                                        ParleySerializers.upcasterChain()),
                () -> List.of(aggregateId));
        return history.handle(new FindStatusAsOfQuery(aggregateId, at, knownAt));
    }

    /**
     * The answer's text: the status's JSON as {@code parley status --json} prints it, without the final newline.
     *
     * @param report a status
     * @return its JSON
     */
    public static String text(StatusReport report) {
        try {
            return ParleyJson.mapper().writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks {@code attestation}, its checkpoint to be trusted as {@code trust} says.
     *
     * @param attestation the attestation
     * @param trust the keys and cosignatures its checkpoint must carry
     * @return what the check found
     */
    public static Outcome check(Attestation attestation, CheckpointTrust trust) {
        if (!Attestation.FORMAT.equals(attestation.format())) {
            return Outcome.invalid("not a " + Attestation.FORMAT + " document");
        }
        if (attestation.aggregateId() == null || attestation.answer() == null || attestation.checkpoint() == null) {
            return Outcome.invalid("the attestation lacks its aggregateId, answer or checkpoint");
        }
        Instant at;
        Instant knownAt;
        try {
            at = attestation.at() == null ? null : Instant.parse(attestation.at());
            knownAt = attestation.knownAt() == null ? null : Instant.parse(attestation.knownAt());
        } catch (DateTimeParseException e) {
            return Outcome.invalid("the attestation's times are not ISO-8601 instants");
        }
        SignedCheckpoint checkpoint;
        HeadsTree.Commitment heads;
        try {
            checkpoint = SignedCheckpoint.parse(attestation.checkpoint());
            heads = HeadsTree.Commitment.of(checkpoint.checkpoint());
        } catch (IllegalArgumentException e) {
            return Outcome.invalid("the attestation's checkpoint is not a signed checkpoint: " + e.getMessage());
        }
        String untrusted = trust.problemWith(checkpoint);
        if (untrusted != null) {
            return Outcome.invalid(untrusted);
        }
        if (heads == null) {
            return Outcome.invalid("the checkpoint commits to no stream heads (no " + HeadsTree.EXTENSION
                                           + " line), so it cannot show that no event was left out");
        }
        String id = attestation.aggregateId();
        List<LeafInput> stream;
        try {
            stream = attestation.head() != null ? stream(attestation, checkpoint, heads)
                    : absent(attestation, heads);
        } catch (Invalid invalid) {
            return Outcome.invalid(invalid.getMessage());
        }
        StatusReport report;
        try {
            report = fold(id, stream, at, knownAt);
        } catch (RuntimeException e) {
            return Outcome.invalid("the proven events do not fold into a status: " + e.getMessage());
        }
        String answer = text(report);
        if (!answer.equals(attestation.answer())) {
            return Outcome.invalid("the attested answer is not the status its proven events give");
        }
        return new Outcome(null, report, answer, checkpoint, stream.size());
    }

    private static List<LeafInput> stream(Attestation attestation, SignedCheckpoint checkpoint,
                                          HeadsTree.Commitment heads) {
        String id = attestation.aggregateId();
        if (!attestation.neighbours().isEmpty()) {
            throw new Invalid("an attestation carries the stream's head or its neighbours, not both");
        }
        StreamHead head = proveHead(attestation.head(), heads, "the stream's head");
        if (!head.aggregateId().equals(id)) {
            throw new Invalid("the head proven is of another stream than " + id);
        }
        if (attestation.events().size() != head.lastSequence() + 1) {
            throw new Invalid("the stream has " + (head.lastSequence() + 1) + " events up to its head in the "
                                      + "checkpoint, the attestation carries " + attestation.events().size()
                                      + " (events left out or added)");
        }
        List<LeafInput> stream = new ArrayList<>();
        EventContent content = EventContent.ofStore();
        byte[] previous = Hashes.NONE;
        for (Attestation.EventProof proof : attestation.events()) {
            long sequence = stream.size();
            if (proof == null || proof.leafInput() == null) {
                throw new Invalid("event " + sequence + " of " + id + " is missing");
            }
            LeafInput.Decoded decoded;
            byte[] input;
            try {
                input = Base64.getDecoder().decode(proof.leafInput());
                decoded = LeafInput.decode(input);
            } catch (RuntimeException e) {
                throw new Invalid("event " + sequence + " is not an encoded event: " + e.getMessage());
            }
            LeafInput event = decoded.event();
            if (!event.aggregateId().equals(id) || event.sequence() != sequence
                    || !event.aggregateType().equals(head.aggregateType())) {
                throw new Invalid("the event carried as " + id + " [" + sequence + "] is " + event.aggregateId() + " ["
                                          + event.sequence() + "] (events left out, reordered or swapped)");
            }
            if (!Arrays.equals(decoded.previousLeaf(), previous)) {
                throw new Invalid("event " + sequence + " of " + id + " does not chain onto the event before it "
                                          + "(an event left out or swapped)");
            }
            byte[] leaf = Hashes.leaf(input);
            if (!included(leaf, proof.leafIndex(), checkpoint.treeSize(), proof.auditPath(), checkpoint.root())) {
                throw new Invalid("event " + sequence + " of " + id + " is not in the checkpoint's tree (its audit "
                                          + "path does not lead to the root)");
            }
            String unfit = content.problem(event);
            if (unfit != null) {
                throw new Invalid("event " + sequence + " of " + id + " is not an event Parley could have stored: "
                                          + unfit);
            }
            stream.add(event);
            previous = leaf;
        }
        if (!Arrays.equals(previous, head.lastLeaf())) {
            throw new Invalid("the last event carried is not the stream's head in the checkpoint");
        }
        return stream;
    }

    private static List<LeafInput> absent(Attestation attestation, HeadsTree.Commitment heads) {
        String id = attestation.aggregateId();
        if (!attestation.events().isEmpty()) {
            throw new Invalid("events carried for a stream the checkpoint's heads tree does not hold");
        }
        List<Attestation.HeadProof> neighbours = attestation.neighbours();
        if (neighbours.size() > 2) {
            throw new Invalid("a stream's absence is shown by at most two neighbouring heads");
        }
        StreamHead left = null;
        StreamHead right = null;
        long leftIndex = -1;
        long rightIndex = heads.count();
        for (Attestation.HeadProof neighbour : neighbours) {
            StreamHead head = proveHead(neighbour, heads, "a neighbouring head");
            int order = StreamHead.ID_ORDER.compare(head.aggregateId(), id);
            if (order == 0) {
                throw new Invalid("the checkpoint holds a head of " + id + ": the attestation left its events out");
            }
            if (order < 0) {
                if (left != null) {
                    throw new Invalid("two neighbours on the same side of " + id);
                }
                left = head;
                leftIndex = neighbour.index();
            } else {
                if (right != null) {
                    throw new Invalid("two neighbours on the same side of " + id);
                }
                right = head;
                rightIndex = neighbour.index();
            }
        }
        if (leftIndex + 1 != rightIndex) {
            throw new Invalid("the neighbours given are not adjacent in the heads tree, so a head of " + id
                                      + " may lie between them");
        }
        return List.of();
    }

    private static StreamHead proveHead(Attestation.HeadProof proof, HeadsTree.Commitment heads, String what) {
        StreamHead head;
        byte[] encoding;
        if (proof == null || proof.encoding() == null) {
            throw new Invalid(what + " is missing");
        }
        try {
            encoding = Base64.getDecoder().decode(proof.encoding());
            head = StreamHead.decode(encoding);
        } catch (RuntimeException e) {
            throw new Invalid(what + " is not an encoded head: " + e.getMessage());
        }
        if (!included(Hashes.leaf(encoding), proof.index(), heads.count(), proof.auditPath(), heads.root())) {
            throw new Invalid(what + " is not in the checkpoint's heads tree (its audit path does not lead to the "
                                      + "root)");
        }
        return head;
    }

    private static boolean included(byte[] leaf, long index, long size, List<String> auditPath, byte[] root) {
        List<byte[]> path;
        if (auditPath == null) {
            return false;
        }
        try {
            path = auditPath.stream().map(Hashes::fromHex).toList();
        } catch (RuntimeException e) {
            return false;
        }
        return MerkleTree.verifyInclusion(leaf, index, size, path, root);
    }

    private static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }
}
