package dev.parley.application.integrity;

import dev.parley.projections.schema.Tables.Checkpoints;
import dev.parley.projections.schema.Tables.DomainEvents;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

/** Verifying a store, signing checkpoints of it (C2SP signed notes), and proving events and growth against them. */
public final class Integrity {

    /** Where the default key directories are kept, under the user's configuration directory. */
    private static final String KEYS_UNDER_CONFIG = "parley/keys";

    private final DataSource dataSource;
    private final KeySource keys;
    private final String configuredOrigin;

    public Integrity(DataSource dataSource, Path keyDirectory) {
        this(dataSource, KeySource.directory(keyDirectory), null);
    }

    /**
     * @param originOrNull the log's origin (its name in checkpoints); null for the store's own (that of its latest
     *                     checkpoint, else the name a text key carries, else one derived from the public key)
     */
    public Integrity(DataSource dataSource, KeySource keys, String originOrNull) {
        if (originOrNull != null && !NoteSignature.validName(originOrNull)) {
            throw new IllegalArgumentException("an origin is a key name: non-empty, no spaces, no plus sign: "
                                                       + originOrNull);
        }
        this.dataSource = dataSource;
        this.keys = keys;
        this.configuredOrigin = originOrNull;
    }

    /**
     * Where a store's key lives unless told otherwise ({@code storeUrl} may be null for a store given as a
     * DataSource): where earlier versions made it when a key is there (beside an H2 file store, else
     * {@code ./parley-data}), else a directory of its own per store under {@code $XDG_CONFIG_HOME/parley/keys} (by
     * default {@code ~/.config/parley/keys}), never beside the data.
     */
    public static Path defaultKeyDirectory(String storeUrl) {
        Path legacy = legacyKeyDirectory(storeUrl);
        if (Files.exists(legacy.resolve(KeySource.PRIVATE_FILE)) || Files.exists(legacy.resolve(KeySource.PUBLIC_FILE))) {
            return legacy;
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".config");
        return config.resolve(KEYS_UNDER_CONFIG).resolve(storeDirectoryName(storeUrl));
    }

    private static Path legacyKeyDirectory(String storeUrl) {
        String h2File = "jdbc:h2:file:";
        if (storeUrl != null && storeUrl.startsWith(h2File)) {
            String path = storeUrl.substring(h2File.length()).split(";", 2)[0];
            Path parent = Path.of(path).toAbsolutePath().getParent();
            return parent != null ? parent : Path.of(".");
        }
        return Path.of("parley-data");
    }

    /** {@code <store file or database name>-<12 hex digits of SHA-256 of the store's absolute path or URL>}. */
    static String storeDirectoryName(String storeUrl) {
        if (storeUrl == null) {
            return "default";
        }
        String h2File = "jdbc:h2:file:";
        String identity = storeUrl.split(";", 2)[0];
        String label;
        if (identity.startsWith(h2File)) {
            Path file = Path.of(identity.substring(h2File.length())).toAbsolutePath().normalize();
            identity = h2File + file;
            label = file.getFileName() == null ? "h2" : file.getFileName().toString();
        } else {
            String withoutQuery = identity.split("\\?", 2)[0];
            label = withoutQuery.substring(withoutQuery.lastIndexOf('/') + 1);
            identity = withoutQuery;
        }
        label = label.replaceAll("[^A-Za-z0-9._-]", "_");
        if (label.isEmpty() || label.startsWith(".")) {
            label = "store" + label;
        }
        byte[] hash = Hashes.sha256().digest(identity.getBytes(StandardCharsets.UTF_8));
        return label + "-" + Hashes.hex(hash).substring(0, 12);
    }

    public Verification verify(LongConsumer progress) {
        return new Verifier(dataSource).verify(progress);
    }

    /**
     * The log's origin: the one configured; else that of the store's latest signed-note checkpoint; else the name a
     * text key carries; else {@code parley/<16 hex digits of SHA-256 of the public key>}, made with the key. A log
     * keeps its origin: one that differs from the store's checkpoints is refused.
     */
    public String origin() {
        String stored = storedOriginOrNull();
        String wanted = configuredOrigin != null ? configuredOrigin : keys.nameOrNull();
        if (wanted != null) {
            if (stored != null && !stored.equals(wanted)) {
                throw new OriginMismatchException("this store's checkpoints are of the log " + stored
                                                          + ", not " + wanted + ": a log keeps its origin");
            }
            return wanted;
        }
        if (stored != null) {
            return stored;
        }
        byte[] publicKey = keys.publicKeyOrNull();
        if (publicKey == null) {
            publicKey = keys.signingKey("parley").verifierKey().publicKey();
        }
        return "parley/" + Hashes.hex(Hashes.sha256().digest(publicKey)).substring(0, 16);
    }

    /** The log's verifier key, {@code <origin>+<key ID>+<base64>}, making the key first when there is none. */
    public VerifierKey verifierKey() {
        String origin = origin();
        return keys.signingKey(origin).verifierKey();
    }

    /** The raw public key the store signs with, or null when it has none yet. */
    public byte[] publicKeyOrNull() {
        return keys.publicKeyOrNull();
    }

    /** Signs the current tree head of a verified store as a signed-note checkpoint and keeps it in the store. */
    public SignedCheckpoint checkpoint(Verification verified) {
        if (!verified.intact()) {
            throw new IllegalStateException("refusing to sign a store that does not verify");
        }
        String origin = origin();
        SignedCheckpoint checkpoint = SignedCheckpoint.sign(
                new Checkpoint(origin, verified.leaves().size(), verified.root()), keys.signingKey(origin));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO " + Checkpoints.TABLE + " (" + Checkpoints.TREE_SIZE + ", " + Checkpoints.DOCUMENT
                             + ", " + Checkpoints.CREATED_AT + ") VALUES (?, ?, ?)")) {
            insert.setLong(1, checkpoint.treeSize());
            insert.setString(2, checkpoint.format());
            insert.setString(3, Instant.now().toString());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot keep the checkpoint: " + e.getMessage(), e);
        }
        return checkpoint;
    }

    /** The last checkpoint this store signed, in whichever form it was signed. */
    public Optional<SignedTreeHead> latestCheckpoint() {
        return latestDocument().map(SignedTreeHead::parse);
    }

    private String storedOriginOrNull() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT " + Checkpoints.DOCUMENT + " FROM " + Checkpoints.TABLE + " ORDER BY "
                             + Checkpoints.CREATED_AT + " DESC, " + Checkpoints.TREE_SIZE + " DESC");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                String document = row.getString(Checkpoints.DOCUMENT);
                if (!document.stripLeading().startsWith("{")) {
                    return SignedCheckpoint.parse(document).checkpoint().origin();
                }
            }
            return null;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read checkpoints: " + e.getMessage(), e);
        }
    }

    private Optional<String> latestDocument() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT " + Checkpoints.DOCUMENT + " FROM " + Checkpoints.TABLE + " ORDER BY "
                             + Checkpoints.CREATED_AT + " DESC, " + Checkpoints.TREE_SIZE + " DESC");
             ResultSet row = select.executeQuery()) {
            return row.next() ? Optional.of(row.getString(Checkpoints.DOCUMENT)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read checkpoints: " + e.getMessage(), e);
        }
    }

    /**
     * Why the verified history is not an append-only extension of {@code checkpoint} signed by this store's key (and
     * cosigned as {@code witnesses} asks), or null when it is.
     */
    public String checkAgainst(Verification verified, SignedTreeHead checkpoint, CheckpointTrust witnesses) {
        byte[] ownKey = keys.publicKeyOrNull();
        if (ownKey == null) {
            return "the checkpoint was signed by another key than this store's";
        }
        CheckpointTrust trust = CheckpointTrust.ownKey(ownKey)
                                               .withWitnesses(witnesses.witnesses(), witnesses.quorum());
        String untrusted = trust.problemWith(checkpoint);
        if (untrusted != null) {
            return untrusted;
        }
        List<byte[]> leaves = verified.leaves();
        if (checkpoint.treeSize() > leaves.size()) {
            return "the history was truncated: the checkpoint holds " + checkpoint.treeSize() + " events, the store "
                    + leaves.size();
        }
        boolean consistent = checkpoint.treeSize() == 0
                ? Arrays.equals(checkpoint.root(), MerkleTree.root(List.of()))
                : MerkleTree.verifyConsistency(checkpoint.treeSize(), checkpoint.root(), leaves.size(),
                                               verified.root(),
                                               MerkleTree.consistencyProof(leaves, (int) checkpoint.treeSize()));
        if (!consistent) {
            return "the first " + checkpoint.treeSize() + " events were rewritten since the checkpoint"
                    + " (no consistency proof)";
        }
        return null;
    }

    /** {@link #checkAgainst(Verification, SignedTreeHead, CheckpointTrust)} with no witnesses asked for. */
    public String checkAgainst(Verification verified, SignedTreeHead checkpoint) {
        return checkAgainst(verified, checkpoint, CheckpointTrust.ownKey(null));
    }

    /**
     * The request a witness needs to cosign {@code checkpoint} after cosigning {@code oldSize} events: the RFC 6962
     * consistency proof from {@code oldSize} to the checkpoint's tree, made from this store.
     */
    public WitnessRequest witnessRequest(Verification verified, SignedCheckpoint checkpoint, long oldSize) {
        long size = checkpoint.treeSize();
        if (oldSize < 0 || oldSize > size) {
            throw new IllegalArgumentException("a consistency proof is from 0 to the checkpoint's " + size
                                                       + " events, not from " + oldSize);
        }
        List<byte[]> prefix = prefixMatching(verified, checkpoint);
        List<byte[]> proof = oldSize == 0 || oldSize == size ? List.of()
                : MerkleTree.consistencyProof(prefix, (int) oldSize);
        return new WitnessRequest(oldSize, proof, checkpoint);
    }

    private static List<byte[]> prefixMatching(Verification verified, SignedTreeHead checkpoint) {
        if (checkpoint.treeSize() > verified.leaves().size()) {
            throw new IllegalStateException("the store no longer matches the checkpoint");
        }
        List<byte[]> prefix = verified.leaves().subList(0, (int) checkpoint.treeSize());
        if (!Arrays.equals(MerkleTree.root(prefix), checkpoint.root())) {
            throw new IllegalStateException("the store no longer matches the checkpoint");
        }
        return prefix;
    }

    /** Proves the event at {@code position} is in the tree {@code checkpoint} signed. */
    public InclusionProof prove(Verification verified, long position, SignedTreeHead checkpoint) {
        int index = verified.leafIndexOf(position);
        if (index < 0) {
            throw new IllegalArgumentException("no event at position " + position);
        }
        if (index >= checkpoint.treeSize()) {
            throw new IllegalArgumentException("the event at position " + position + " came after the checkpoint of "
                                                       + checkpoint.treeSize() + " events; sign a newer one");
        }
        List<byte[]> prefix = prefixMatching(verified, checkpoint);
        LeafInput event = event(position);
        byte[] previous = event.sequence() == 0 ? Hashes.NONE
                : verified.leaves().get(verified.leafIndexOf(positionOf(event.aggregateId(), event.sequence() - 1)));
        return new InclusionProof(position, event.aggregateId(), event.sequence(), index, checkpoint.treeSize(),
                                  Hashes.hex(checkpoint.root()), Hashes.hex(verified.leaves().get(index)),
                                  Base64.getEncoder().encodeToString(event.encode(previous)),
                                  MerkleTree.inclusionPath(prefix, index).stream().map(Hashes::hex).toList());
    }

    /**
     * Why {@code proof} fails against {@code checkpoint}, with no database, or null when it holds; the checkpoint
     * must be trusted as {@code trust} says.
     */
    public static String checkProof(InclusionProof proof, SignedTreeHead checkpoint, CheckpointTrust trust) {
        String untrusted = trust.problemWith(checkpoint);
        if (untrusted != null) {
            return untrusted;
        }
        if (proof.treeSize() != checkpoint.treeSize() || proof.rootHash() == null
                || !proof.rootHash().equalsIgnoreCase(Hashes.hex(checkpoint.root()))) {
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
        List<byte[]> path;
        try {
            path = proof.auditPath().stream().map(Hashes::fromHex).toList();
        } catch (RuntimeException e) {
            return "the audit path does not lead to the checkpoint's root";
        }
        if (!MerkleTree.verifyInclusion(leaf, proof.leafIndex(), proof.treeSize(), path, checkpoint.root())) {
            return "the audit path does not lead to the checkpoint's root";
        }
        return null;
    }

    /** An origin asked for that is not the one the store's checkpoints carry. */
    public static final class OriginMismatchException extends IllegalArgumentException {
        public OriginMismatchException(String message) {
            super(message);
        }
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
