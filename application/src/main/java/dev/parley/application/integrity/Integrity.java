package dev.parley.application.integrity;

import dev.parley.projections.schema.Tables.Checkpoints;
import dev.parley.projections.schema.Tables.DomainEvents;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.parley.projections.json.ParleyJson;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/** Verifying a store, signing checkpoints of it, and proving events against them. */
public final class Integrity {

    private final DataSource dataSource;
    private final Signing signing;

    public Integrity(DataSource dataSource, Path keyDirectory) {
        this.dataSource = dataSource;
        this.signing = new Signing(keyDirectory);
    }

    /**
     * Where a store's key lives unless told otherwise: beside an H2 file store, else {@code ./parley-data}
     * ({@code storeUrl} may be null for a store given as a DataSource).
     */
    public static Path defaultKeyDirectory(String storeUrl) {
        String h2File = "jdbc:h2:file:";
        if (storeUrl != null && storeUrl.startsWith(h2File)) {
            String path = storeUrl.substring(h2File.length()).split(";", 2)[0];
            Path parent = Path.of(path).toAbsolutePath().getParent();
            return parent != null ? parent : Path.of(".");
        }
        return Path.of("parley-data");
    }

    public Verification verify(LongConsumer progress) {
        return new Verifier(dataSource).verify(progress);
    }

    /** Signs the current tree head of a verified store and keeps the checkpoint in the store. */
    public Checkpoint checkpoint(Verification verified) {
        if (!verified.intact()) {
            throw new IllegalStateException("refusing to sign a store that does not verify");
        }
        Checkpoint checkpoint = signing.sign(verified.leaves().size(), verified.root(), Instant.now());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO " + Checkpoints.TABLE + " (" + Checkpoints.TREE_SIZE + ", " + Checkpoints.DOCUMENT
                             + ", " + Checkpoints.CREATED_AT + ") VALUES (?, ?, ?)")) {
            insert.setLong(1, checkpoint.treeSize());
            insert.setString(2, ParleyJson.mapper().writeValueAsString(checkpoint));
            insert.setString(3, checkpoint.time());
            insert.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot keep the checkpoint: " + e.getMessage(), e);
        }
        return checkpoint;
    }

    /** The last checkpoint this store signed. */
    public Optional<Checkpoint> latestCheckpoint() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT " + Checkpoints.DOCUMENT + " FROM " + Checkpoints.TABLE + " ORDER BY "
                             + Checkpoints.CREATED_AT + " DESC, " + Checkpoints.TREE_SIZE + " DESC");
             ResultSet row = select.executeQuery()) {
            return row.next() ? Optional.of(ParleyJson.mapper().readValue(row.getString(Checkpoints.DOCUMENT),
                                                                       Checkpoint.class))
                    : Optional.empty();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot read checkpoints: " + e.getMessage(), e);
        }
    }

    /**
     * Why the verified history is not an append-only extension of {@code checkpoint} signed by this store's key, or
     * null when it is.
     */
    public String checkAgainst(Verification verified, Checkpoint checkpoint) {
        if (!Signing.signatureValid(checkpoint)) {
            return "the checkpoint's signature is not valid";
        }
        String ownKey = signing.publicKeyOrNull();
        if (ownKey == null || !ownKey.equals(checkpoint.publicKey())) {
            return "the checkpoint was signed by another key than this store's";
        }
        List<byte[]> leaves = verified.leaves();
        if (checkpoint.treeSize() > leaves.size()) {
            return "the history was truncated: the checkpoint holds " + checkpoint.treeSize() + " events, the store "
                    + leaves.size();
        }
        List<byte[]> proof = MerkleTree.consistencyProof(leaves, (int) checkpoint.treeSize());
        if (!MerkleTree.verifyConsistency(checkpoint.treeSize(), Hashes.fromHex(checkpoint.rootHash()),
                                          leaves.size(), verified.root(), proof)) {
            return "the first " + checkpoint.treeSize() + " events were rewritten since the checkpoint"
                    + " (no consistency proof)";
        }
        return null;
    }

    /** Proves the event at {@code position} is in the tree {@code checkpoint} signed. */
    public InclusionProof prove(Verification verified, long position, Checkpoint checkpoint) {
        int index = verified.leafIndexOf(position);
        if (index < 0) {
            throw new IllegalArgumentException("no event at position " + position);
        }
        if (index >= checkpoint.treeSize()) {
            throw new IllegalArgumentException("the event at position " + position + " came after the checkpoint of "
                                                       + checkpoint.treeSize() + " events; sign a newer one");
        }
        List<byte[]> prefix = verified.leaves().subList(0, (int) checkpoint.treeSize());
        if (!Arrays.equals(MerkleTree.root(prefix), Hashes.fromHex(checkpoint.rootHash()))) {
            throw new IllegalStateException("the store no longer matches the checkpoint");
        }
        LeafInput event = event(position);
        byte[] previous = event.sequence() == 0 ? Hashes.NONE
                : verified.leaves().get(verified.leafIndexOf(positionOf(event.aggregateId(), event.sequence() - 1)));
        return new InclusionProof(position, event.aggregateId(), event.sequence(), index, checkpoint.treeSize(),
                                  checkpoint.rootHash(), Hashes.hex(verified.leaves().get(index)),
                                  Base64.getEncoder().encodeToString(event.encode(previous)),
                                  MerkleTree.inclusionPath(prefix, index).stream().map(Hashes::hex).toList());
    }

    /**
     * Why {@code proof} fails against {@code checkpoint}, with no database, or null when it holds; with a pinned
     * public key (base64 X.509), the checkpoint must be signed by that key.
     */
    public static String checkProof(InclusionProof proof, Checkpoint checkpoint, String pinnedPublicKeyOrNull) {
        if (!Signing.signatureValid(checkpoint)) {
            return "the checkpoint's signature is not valid";
        }
        if (pinnedPublicKeyOrNull != null && !pinnedPublicKeyOrNull.strip().equals(checkpoint.publicKey())) {
            return "the checkpoint was signed by another key than the one given";
        }
        if (proof.treeSize() != checkpoint.treeSize() || !proof.rootHash().equals(checkpoint.rootHash())) {
            return "the proof is for another tree than the checkpoint's";
        }
        byte[] input;
        LeafInput.Head head;
        try {
            input = Base64.getDecoder().decode(proof.leafInput());
            head = LeafInput.head(input);
        } catch (RuntimeException e) {
            return "the proof's leaf input is not an encoded event: " + e.getMessage();
        }
        if (head.position() != proof.position() || !head.aggregateId().equals(proof.aggregateId())
                || head.sequence() != proof.sequence()) {
            return "the proof names another event than the one it encodes (position " + head.position() + ", "
                    + head.aggregateId() + " [" + head.sequence() + "])";
        }
        byte[] leaf = Hashes.leaf(input);
        if (!Hashes.hex(leaf).equals(proof.leafHash())) {
            return "the event's encoding does not hash to the proof's leaf hash";
        }
        List<byte[]> path = proof.auditPath().stream().map(Hashes::fromHex).toList();
        if (!MerkleTree.verifyInclusion(leaf, proof.leafIndex(), proof.treeSize(), path,
                                        Hashes.fromHex(checkpoint.rootHash()))) {
            return "the audit path does not lead to the checkpoint's root";
        }
        return null;
    }

    private LeafInput event(long position) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT " + StoredRows.COLUMNS + " FROM " + DomainEvents.TABLE + " WHERE "
                             + DomainEvents.GLOBAL_INDEX + " = ?")) {
            select.setLong(1, position);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalArgumentException("no event at position " + position);
                }
                return StoredRows.read(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event: " + e.getMessage(), e);
        }
    }

    private long positionOf(String aggregateId, long sequence) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT " + DomainEvents.GLOBAL_INDEX + " FROM " + DomainEvents.TABLE + " WHERE "
                             + DomainEvents.AGGREGATE_IDENTIFIER + " = ? AND " + DomainEvents.SEQUENCE_NUMBER
                             + " = ?")) {
            select.setString(1, aggregateId);
            select.setLong(2, sequence);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(DomainEvents.GLOBAL_INDEX);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event: " + e.getMessage(), e);
        }
    }
}
