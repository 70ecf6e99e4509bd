package dev.parley.application.integrity;

import dev.parley.projections.schema.Tables.Checkpoints;
import dev.parley.projections.schema.Tables.DomainEvents;
import dev.parley.projections.schema.Tables.EventHashes;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
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

    /**
     * The integrity of the store at {@code dataSource}, signing with the key in {@code keyDirectory}, under the store's
     * own origin.
     *
     * @param dataSource the store's data source
     * @param keyDirectory the directory of the signing key; made, with a new key, when missing
     */
    public Integrity(DataSource dataSource, Path keyDirectory) {
        this(dataSource, KeySource.directory(keyDirectory), null);
    }

    /**
     * The integrity of the store at {@code dataSource}, signing with {@code keys}.
     *
     * @param dataSource   the store's data source
     * @param keys         where the signing key comes from
     * @param originOrNull the log's origin (its name in checkpoints); null for the store's own (that of its latest
     *                     checkpoint, else the name a text key carries, else one derived from the public key)
     *
     * @throws IllegalArgumentException if the origin is not a valid key name
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
     *
     * @param storeUrl the store's JDBC URL, or null for an attached store without one
     * @return the directory
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

    /**
     * Verifies the whole store: every leaf hash and stream chain recomputed from the stored events, every event and
     * snapshot one Parley could have stored.
     *
     * @param progress told how many events are verified so far
     * @return what was verified, and the first problem found
     */
    public Verification verify(LongConsumer progress) {
        return new Verifier(dataSource).verify(progress);
    }

    /**
     * The log's origin: the one configured; else that of the store's latest signed-note checkpoint; else the name a
     * text key carries; else {@code parley/<16 hex digits of SHA-256 of the public key>}, made with the key. A log
     * keeps its origin: one that differs from the store's checkpoints is refused.
     *
     * @return the origin
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

    /**
     * The log's verifier key, {@code <origin>+<key ID>+<base64>}, making the key first when there is none.
     *
     * @return the verifier key
     */
    public VerifierKey verifierKey() {
        String origin = origin();
        return keys.signingKey(origin).verifierKey();
    }

    /**
     * The raw public key the store signs with, or null when it has none yet.
     *
     * @return the raw Ed25519 public key, or null
     */
    public byte[] publicKeyOrNull() {
        return keys.publicKeyOrNull();
    }

    /**
     * Signs the current tree head of a verified store as a signed-note checkpoint and keeps it in the store:
     * {@link #sign(LongConsumer)} for a caller that has just verified everything.
     *
     * @param verified the verification of the whole store, without problems
     * @return the checkpoint, as stored
     */
    public SignedCheckpoint checkpoint(Verification verified) {
        if (!verified.intact()) {
            throw new IllegalStateException("refusing to sign a store that does not verify");
        }
        Outcome<SignedCheckpoint> signed = sign(done -> { });
        if (!signed.intact()) {
            throw new IllegalStateException("refusing to sign: " + signed.problem().describe());
        }
        return signed.value();
    }

    /**
     * The last checkpoint this store signed, in whichever form it was signed.
     *
     * @return the checkpoint, or empty when the store has none
     */
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
        try (Connection connection = dataSource.getConnection()) {
            return latestDocument(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read checkpoints: " + e.getMessage(), e);
        }
    }

    private static Optional<String> latestDocument(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                     "SELECT " + Checkpoints.DOCUMENT + " FROM " + Checkpoints.TABLE + " ORDER BY "
                             + Checkpoints.CREATED_AT + " DESC, " + Checkpoints.TREE_SIZE + " DESC");
             ResultSet row = select.executeQuery()) {
            return row.next() ? Optional.of(row.getString(Checkpoints.DOCUMENT)) : Optional.empty();
        }
    }

    /**
     * Why the verified history is not an append-only extension of {@code checkpoint} signed by this store's key (and
     * cosigned as {@code witnesses} asks), or null when it is.
     *
     * @param verified the verification of the whole store
     * @param checkpoint a checkpoint this store signed earlier
     * @param witnesses the cosignatures required
     * @return the reason, or null
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
        if (checkpoint instanceof SignedCheckpoint signed) {
            HeadsTree.Commitment committed;
            try {
                committed = HeadsTree.Commitment.of(signed.checkpoint());
            } catch (IllegalArgumentException e) {
                return "the checkpoint's stream heads line is malformed: " + e.getMessage();
            }
            if (committed != null && !committed.line().equals(headsAt(checkpoint.treeSize()).extensionLine())) {
                return "the checkpoint's stream heads are not those of its " + checkpoint.treeSize() + " events";
            }
        }
        return null;
    }

    /** The heads tree of the first {@code size} events in position order, from the stored hashes. */
    HeadsTree headsAt(long size) {
        java.util.Map<String, StreamHead> heads = new java.util.HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT h." + EventHashes.AGGREGATE_IDENTIFIER + ", h." + EventHashes.SEQUENCE_NUMBER + ", h."
                             + EventHashes.LEAF_HASH + ", e." + DomainEvents.TYPE + " FROM " + EventHashes.TABLE
                             + " h JOIN " + DomainEvents.TABLE + " e ON e." + DomainEvents.GLOBAL_INDEX + " = h."
                             + EventHashes.GLOBAL_INDEX + " ORDER BY h." + EventHashes.GLOBAL_INDEX)) {
            select.setFetchSize(1_000);
            try (ResultSet row = select.executeQuery()) {
                for (long read = 0; read < size && row.next(); read++) {
                    String id = row.getString(EventHashes.AGGREGATE_IDENTIFIER);
                    heads.put(id, new StreamHead(row.getString(DomainEvents.TYPE), id,
                                                 row.getLong(EventHashes.SEQUENCE_NUMBER),
                                                 row.getBytes(EventHashes.LEAF_HASH)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the stream heads: " + e.getMessage(), e);
        }
        return HeadsTree.of(heads.values());
    }

    /**
     * {@link #checkAgainst(Verification, SignedTreeHead, CheckpointTrust)} with no witnesses asked for.
     *
     * @param verified the verification of the whole store
     * @param checkpoint a checkpoint this store signed earlier
     * @return the reason, or null
     */
    public String checkAgainst(Verification verified, SignedTreeHead checkpoint) {
        return checkAgainst(verified, checkpoint, CheckpointTrust.ownKey(null));
    }

    /**
     * Why {@code proof} fails against {@code checkpoint}, with no database, or null when it holds; the checkpoint
     * must be trusted as {@code trust} says.
     *
     * @param proof an inclusion proof
     * @param checkpoint the checkpoint it claims to prove against
     * @param trust the keys and cosignatures the checkpoint must carry
     * @return the reason, or null
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

    /**
     * What signing, proving or attesting found: the result, or the first problem of the store (tampered).
     *
     * @param value   the result, or null when there is a problem
     * @param problem the first problem found, or null
     * @param <T>     the result's type
     */
    public record Outcome<T>(T value, Verification.Problem problem) {

        /**
         * Whether nothing was found wrong.
         *
         * @return true when there is no problem
         */
        public boolean intact() {
            return problem == null;
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        Outcome<T> run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in one REPEATABLE READ transaction, committed when it finds no problem. */
    private <T> Outcome<T> inTransaction(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            boolean done = false;
            try {
                Outcome<T> outcome = work.run(connection);
                if (outcome.intact()) {
                    connection.commit();
                    done = true;
                }
                return outcome;
            } finally {
                if (!done) {
                    connection.rollback();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read or extend the store's tree: " + e.getMessage(), e);
        }
    }

    /**
     * Brings the stored tree to at least {@code size} leaves (all events for {@link Long#MAX_VALUE}), verifying what
     * it adds, and checks it against the store's latest checkpoint; rebuilds it from the events once when it does
     * not match (derived data: absent in stores written before it, or altered).
     */
    private Outcome<StoredTree> sync(Connection connection, long size, LongConsumer progress) throws SQLException {
        StoredTree tree = new StoredTree(connection);
        SignedTreeHead latest = latestDocument(connection).map(SignedTreeHead::parse).filter(this::trusted)
                                                          .orElse(null);
        boolean rebuilt = false;
        if (latest == null || (tree.size() >= latest.treeSize() && !tree.hasRoot(latest.treeSize(), latest.root()))) {
            tree.clear();
            rebuilt = true;
        }
        long target = latest == null ? size : Math.max(size, latest.treeSize());
        while (true) {
            StoredTree.Extension extension;
            try {
                extension = tree.extend(target, progress);
            } catch (StoredTree.MissingHashException e) {
                if (rebuilt) {
                    throw e;
                }
                tree.clear();
                rebuilt = true;
                continue;
            }
            if (extension.problem() != null) {
                return new Outcome<>(null, extension.problem());
            }
            if (latest == null) {
                return new Outcome<>(tree, null);
            }
            if (latest.treeSize() > extension.size()) {
                return new Outcome<>(null, new Verification.Problem(-1, null, "the history was truncated: the "
                        + "checkpoint holds " + latest.treeSize() + " events, the store " + extension.size()));
            }
            if (tree.hasRoot(latest.treeSize(), latest.root())) {
                return new Outcome<>(tree, null);
            }
            if (rebuilt) {
                return new Outcome<>(null, new Verification.Problem(-1, null, "the first " + latest.treeSize()
                        + " events were rewritten since the store's latest checkpoint"));
            }
            tree.clear();
            rebuilt = true;
        }
    }

    private boolean trusted(SignedTreeHead checkpoint) {
        byte[] ownKey = keys.publicKeyOrNull();
        return ownKey != null && CheckpointTrust.ownKey(ownKey).problemWith(checkpoint) == null;
    }

    /**
     * Signs the current tree head as a signed-note checkpoint committing to every stream's head, and keeps it in the
     * store. Verifies only the events since the store's latest checkpoint (all of them the first time, or when the
     * stored tree does not match it); {@code parley verify} still checks everything.
     *
     * @param progress told how many events are verified so far
     * @return the stored checkpoint, or the problem found
     */
    public Outcome<SignedCheckpoint> sign(LongConsumer progress) {
        String origin = origin();
        NoteSigningKey key = keys.signingKey(origin);
        return inTransaction(connection -> {
            Outcome<StoredTree> synced = sync(connection, Long.MAX_VALUE, progress);
            if (!synced.intact()) {
                return new Outcome<>(null, synced.problem());
            }
            StoredTree tree = synced.value();
            long size = tree.size();
            HeadsTree heads = HeadsTree.of(tree.heads().values());
            SignedCheckpoint checkpoint = SignedCheckpoint.sign(
                    new Checkpoint(origin, size, tree.hashes().root(size), List.of(heads.extensionLine())), key);
            keep(connection, checkpoint);
            return new Outcome<>(checkpoint, null);
        });
    }

    private static void keep(Connection connection, SignedCheckpoint checkpoint) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + Checkpoints.TABLE + " (" + Checkpoints.TREE_SIZE + ", " + Checkpoints.DOCUMENT
                        + ", " + Checkpoints.CREATED_AT + ") VALUES (?, ?, ?)")) {
            insert.setLong(1, checkpoint.treeSize());
            insert.setString(2, checkpoint.format());
            insert.setString(3, Instant.now().toString());
            insert.executeUpdate();
        }
    }

    /**
     * Proves the event at {@code position} is in the tree {@code checkpoint} signed, reading O(log n) hashes of the
     * stored tree.
     *
     * @param position the event's global position
     * @param checkpoint a checkpoint of this store that covers it
     * @return the proof, or the problem found
     */
    public Outcome<InclusionProof> prove(long position, SignedTreeHead checkpoint) {
        return inTransaction(connection -> {
            Outcome<StoredTree> synced = sync(connection, checkpoint.treeSize(), done -> { });
            if (!synced.intact()) {
                return new Outcome<>(null, synced.problem());
            }
            StoredTree tree = synced.value();
            TreeHashes hashes = matching(tree, checkpoint);
            long index = tree.leafIndexOf(position);
            LeafInput event = event(connection, position);
            if (index < 0 || index >= checkpoint.treeSize()) {
                throw new IllegalArgumentException("the event at position " + position + " came after the checkpoint "
                                                           + "of " + checkpoint.treeSize() + " events; sign a newer one");
            }
            byte[] previous = event.sequence() == 0 ? Hashes.NONE
                    : storedLeaf(connection, event.aggregateId(), event.sequence() - 1);
            byte[] input = event.encode(previous);
            byte[] leaf = Hashes.leaf(input);
            if (!Arrays.equals(leaf, tree.leaf(index))) {
                return new Outcome<>(null, new Verification.Problem(position, event.aggregateId(),
                        "the stored event does not match its hash (altered, swapped or forged)"));
            }
            return new Outcome<>(new InclusionProof(
                    position, event.aggregateId(), event.sequence(), index, checkpoint.treeSize(),
                    Hashes.hex(checkpoint.root()), Hashes.hex(leaf), Base64.getEncoder().encodeToString(input),
                    hashes.inclusionPath(index, checkpoint.treeSize()).stream().map(Hashes::hex).toList()), null);
        });
    }

    /**
     * The request a witness needs to cosign {@code checkpoint} after {@code oldSize} events, from the stored tree.
     *
     * @param checkpoint the checkpoint to cosign
     * @param oldSize the tree size the witness last cosigned, from 0 up to the checkpoint's
     * @return the request, or the problem found
     */
    public Outcome<WitnessRequest> witnessRequest(SignedCheckpoint checkpoint, long oldSize) {
        long size = checkpoint.treeSize();
        if (oldSize < 0 || oldSize > size) {
            throw new IllegalArgumentException("a consistency proof is from 0 to the checkpoint's " + size
                                                       + " events, not from " + oldSize);
        }
        return inTransaction(connection -> {
            Outcome<StoredTree> synced = sync(connection, size, done -> { });
            if (!synced.intact()) {
                return new Outcome<>(null, synced.problem());
            }
            TreeHashes hashes = matching(synced.value(), checkpoint);
            List<byte[]> proof = oldSize == 0 || oldSize == size ? List.of() : hashes.consistencyProof(oldSize, size);
            return new Outcome<>(new WitnessRequest(oldSize, proof, checkpoint), null);
        });
    }

    private static TreeHashes matching(StoredTree tree, SignedTreeHead checkpoint) throws SQLException {
        if (!tree.hasRoot(checkpoint.treeSize(), checkpoint.root())) {
            throw new IllegalStateException("the store no longer matches the checkpoint");
        }
        return tree.hashes();
    }

    /**
     * Attests the status of {@code aggregateId} at {@code at} by what was recorded by {@code knownAt} (null bounds
     * open), against a checkpoint of the whole store committing to the stream heads: the latest when it is one, else
     * a new one signed first.
     *
     * @param aggregateId the negotiation or incident
     * @param at the valid time, or null
     * @param knownAt the transaction time, or null
     * @param progress told how many events are verified so far, when a checkpoint is signed first
     * @return the attestation, or the problem found
     */
    public Outcome<Attestation> attest(String aggregateId, Instant at, Instant knownAt, LongConsumer progress) {
        SignedCheckpoint checkpoint = latestCoveringCheckpoint();
        if (checkpoint == null) {
            Outcome<SignedCheckpoint> signed = sign(progress);
            if (!signed.intact()) {
                return new Outcome<>(null, signed.problem());
            }
            checkpoint = signed.value();
        }
        SignedCheckpoint against = checkpoint;
        return inTransaction(connection -> {
            Outcome<StoredTree> synced = sync(connection, against.treeSize(), progress);
            if (!synced.intact()) {
                return new Outcome<>(null, synced.problem());
            }
            StoredTree tree = synced.value();
            TreeHashes hashes = matching(tree, against);
            long size = against.treeSize();
            if (tree.size() != size) {
                throw new IllegalStateException("the store grew while attesting; try again");
            }
            HeadsTree heads = HeadsTree.of(tree.heads().values());
            if (!heads.commitment().line().equals(
                    String.valueOf(HeadsTree.Commitment.of(against.checkpoint()).line()))) {
                throw new IllegalStateException("the store no longer matches the checkpoint's stream heads");
            }
            int index = heads.indexOf(aggregateId);
            Attestation.HeadProof head = null;
            List<Attestation.HeadProof> neighbours = new ArrayList<>();
            List<Attestation.EventProof> events = new ArrayList<>();
            List<LeafInput> stream = new ArrayList<>();
            if (index >= 0) {
                head = headProof(heads, index);
                StreamHead last = heads.head(index);
                byte[] previous = Hashes.NONE;
                for (LeafInput event : stream(connection, aggregateId, last.lastSequence())) {
                    byte[] input = event.encode(previous);
                    long leafIndex = tree.leafIndexOf(event.position());
                    byte[] leaf = Hashes.leaf(input);
                    if (leafIndex < 0 || leafIndex >= size || !Arrays.equals(leaf, tree.leaf(leafIndex))) {
                        return new Outcome<>(null, new Verification.Problem(event.position(), aggregateId,
                                "the stored event does not match its hash (altered, swapped or forged)"));
                    }
                    events.add(new Attestation.EventProof(
                            leafIndex, Base64.getEncoder().encodeToString(input),
                            hashes.inclusionPath(leafIndex, size).stream().map(Hashes::hex).toList()));
                    stream.add(event);
                    previous = leaf;
                }
            } else {
                int insertion = -index - 1;
                if (insertion > 0) {
                    neighbours.add(headProof(heads, insertion - 1));
                }
                if (insertion < heads.size()) {
                    neighbours.add(headProof(heads, insertion));
                }
            }
            String answer = AttestedAnswer.text(AttestedAnswer.fold(aggregateId, stream, at, knownAt));
            return new Outcome<>(new Attestation(Attestation.FORMAT, aggregateId, at == null ? null : at.toString(),
                                                 knownAt == null ? null : knownAt.toString(), answer,
                                                 against.format(), head, neighbours, events), null);
        });
    }

    private static Attestation.HeadProof headProof(HeadsTree heads, int index) {
        return new Attestation.HeadProof(index, Base64.getEncoder().encodeToString(heads.head(index).encode()),
                                         heads.inclusionPath(index).stream().map(Hashes::hex).toList());
    }

    /** The latest checkpoint when it is a signed note of every event in the store with stream heads, else null. */
    private SignedCheckpoint latestCoveringCheckpoint() {
        SignedTreeHead latest = latestCheckpoint().orElse(null);
        if (!(latest instanceof SignedCheckpoint signed) || HeadsTree.Commitment.of(signed.checkpoint()) == null
                || !trusted(signed)) {
            return null;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT MAX(" + DomainEvents.GLOBAL_INDEX + ") AS head FROM " + DomainEvents.TABLE);
             ResultSet row = select.executeQuery()) {
            row.next();
            long head = row.getLong("head");
            boolean empty = row.wasNull();
            if (signed.treeSize() == 0) {
                return empty ? signed : null;
            }
            return !empty && new StoredTree(connection).positionOf(signed.treeSize() - 1) == head ? signed : null;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the store's head: " + e.getMessage(), e);
        }
    }

    private static List<LeafInput> stream(Connection connection, String aggregateId, long lastSequence)
            throws SQLException {
        List<LeafInput> events = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + StoredRows.COLUMNS + " FROM " + DomainEvents.TABLE + " WHERE "
                        + DomainEvents.AGGREGATE_IDENTIFIER + " = ? AND " + DomainEvents.SEQUENCE_NUMBER
                        + " <= ? ORDER BY " + DomainEvents.SEQUENCE_NUMBER)) {
            select.setString(1, aggregateId);
            select.setLong(2, lastSequence);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(StoredRows.read(rows));
                }
            }
        }
        return events;
    }

    private static LeafInput event(Connection connection, long position) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + StoredRows.COLUMNS + " FROM " + DomainEvents.TABLE + " WHERE "
                        + DomainEvents.GLOBAL_INDEX + " = ?")) {
            select.setLong(1, position);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalArgumentException("no event at position " + position);
                }
                return StoredRows.read(row);
            }
        }
    }

    private static byte[] storedLeaf(Connection connection, String aggregateId, long sequence) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + EventHashes.LEAF_HASH + " FROM " + EventHashes.TABLE + " WHERE "
                        + EventHashes.AGGREGATE_IDENTIFIER + " = ? AND " + EventHashes.SEQUENCE_NUMBER + " = ?")) {
            select.setString(1, aggregateId);
            select.setLong(2, sequence);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getBytes(EventHashes.LEAF_HASH) : Hashes.NONE;
            }
        }
    }

    /** An origin asked for that is not the one the store's checkpoints carry. */
    public static final class OriginMismatchException extends IllegalArgumentException {
        /**
         * An origin that does not match.
         *
         * @param message names both origins
         */
        public OriginMismatchException(String message) {
            super(message);
        }
    }
}
