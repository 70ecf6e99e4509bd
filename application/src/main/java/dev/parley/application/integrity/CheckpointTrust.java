package dev.parley.application.integrity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a checkpoint must carry to be trusted: a valid signature by the log's key (a verifier key, or a raw Ed25519
 * public key whose key name is the checkpoint's origin), and valid cosignatures from at least {@code quorum} distinct
 * witnesses of those given. Signatures by other keys are ignored; a signature line that names a trusted key and fails
 * rejects the checkpoint.
 *
 * @param logKeys      the log's verifier keys
 * @param logPublicKey the log's raw Ed25519 public key, or null
 * @param whoseKey     whose key it is, for messages
 * @param witnesses    the witnesses' verifier keys
 * @param quorum       how many distinct witnesses must cosign
 */
public record CheckpointTrust(List<VerifierKey> logKeys, byte[] logPublicKey, String whoseKey,
                              List<VerifierKey> witnesses, int quorum) {

    /**
     * Checks the keys' types and the quorum, and copies the lists and the key.
     *
     * @param logKeys the log's verifier keys
     * @param logPublicKey the log's raw Ed25519 public key, or null
     * @param whoseKey whose key it is, for messages
     * @param witnesses the witnesses' verifier keys
     * @param quorum how many distinct witnesses must cosign
     * @throws IllegalArgumentException if a key is of the wrong type or the quorum is beyond the witnesses given
     */
    public CheckpointTrust {
        logKeys = List.copyOf(logKeys);
        witnesses = List.copyOf(witnesses);
        logPublicKey = logPublicKey == null ? null : logPublicKey.clone();
        if (witnesses.stream().anyMatch(witness -> witness.type() != VerifierKey.COSIGNATURE_V1)) {
            throw new IllegalArgumentException("a witness's verifier key has signature type 0x04 (cosignature/v1)");
        }
        if (logKeys.stream().anyMatch(key -> key.type() != VerifierKey.ED25519)) {
            throw new IllegalArgumentException("a log's verifier key has signature type 0x01 (Ed25519)");
        }
        if (quorum < 0 || quorum > witnesses.stream().distinct().count()) {
            throw new IllegalArgumentException("a quorum is 0 to the number of distinct witnesses given ("
                                                       + witnesses.stream().distinct().count() + "), not " + quorum);
        }
    }

    /**
     * Trust in the key a store signs with (its raw public key, or null when it has none yet), no witnesses.
     *
     * @param publicKeyOrNull the store's raw public key, or null
     * @return the trust
     */
    public static CheckpointTrust ownKey(byte[] publicKeyOrNull) {
        return new CheckpointTrust(List.of(), publicKeyOrNull, "this store's", List.of(), 0);
    }

    /**
     * The same trust, also asking for {@code quorum} cosignatures of {@code witnesses}.
     *
     * @param witnessKeys the witnesses' verifier keys
     * @param witnessQuorum how many distinct witnesses must cosign
     * @return the new trust
     */
    public CheckpointTrust withWitnesses(List<VerifierKey> witnessKeys, int witnessQuorum) {
        return new CheckpointTrust(logKeys, logPublicKey, whoseKey, witnessKeys, witnessQuorum);
    }

    /**
     * Whether a log key was given at all: a signed note cannot be checked without one.
     *
     * @return true when there is a log key
     */
    public boolean hasLogKey() {
        return !logKeys.isEmpty() || logPublicKey != null;
    }

    /**
     * Why {@code head} is not to be trusted, or null when it is.
     *
     * @param head a checkpoint
     * @return the reason, or null
     */
    public String problemWith(SignedTreeHead head) {
        if (head instanceof LegacyCheckpoint legacy) {
            return problemWithLegacy(legacy);
        }
        SignedCheckpoint signed = (SignedCheckpoint) head;
        List<VerifierKey> keys = new ArrayList<>(logKeys);
        if (logPublicKey != null) {
            keys.add(VerifierKey.of(signed.checkpoint().origin(), VerifierKey.ED25519, logPublicKey));
        }
        if (keys.isEmpty()) {
            return "no log key to check the checkpoint's signature against";
        }
        int signedBy = signed.note().verifiedBy(keys);
        if (signedBy < 0) {
            return "the checkpoint's signature is not valid";
        }
        if (signedBy == 0) {
            return "the checkpoint was signed by another key than " + whoseKey;
        }
        if (witnesses.isEmpty()) {
            return null;
        }
        int cosigned = signed.note().verifiedBy(witnesses);
        if (cosigned < 0) {
            return "a cosignature of a witness given does not verify (tampered)";
        }
        if (cosigned < quorum) {
            return "the checkpoint has " + cosigned + " valid cosignature" + (cosigned == 1 ? "" : "s")
                    + " of the witnesses given, fewer than the quorum of " + quorum;
        }
        return null;
    }

    private String problemWithLegacy(LegacyCheckpoint legacy) {
        if (!legacy.signatureValid()) {
            return "the checkpoint's signature is not valid";
        }
        byte[] signer = legacy.rawPublicKeyOrNull();
        boolean keyGiven = hasLogKey();
        boolean ours = (logPublicKey != null && Arrays.equals(logPublicKey, signer))
                || logKeys.stream().anyMatch(key -> Arrays.equals(key.publicKey(), signer));
        if (keyGiven && !ours) {
            return "the checkpoint was signed by another key than " + whoseKey;
        }
        if (quorum > 0) {
            return "the checkpoint is in the old JSON form, which carries no cosignatures";
        }
        return null;
    }
}
