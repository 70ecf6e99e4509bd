package dev.parley.application.integrity;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A checkpoint and the consistency proof a witness needs to cosign it, in the body of C2SP tlog-witness's
 * {@code add-checkpoint} request: {@code old <size>}, at most {@value #MAX_PROOF_LINES} base64 proof hashes one per
 * line, a blank line, then the signed checkpoint.
 *
 * @param oldSize    the tree size the witness last cosigned, 0 for none
 * @param proof      the consistency proof's 32-byte hashes
 * @param checkpoint the checkpoint to cosign
 */
public record WitnessRequest(long oldSize, List<byte[]> proof, SignedCheckpoint checkpoint) {

    /** The most proof hashes a request may carry. */
    public static final int MAX_PROOF_LINES = 63;

    /**
     * Checks the size and the proof, and copies the hashes.
     *
     * @param oldSize the tree size the witness last cosigned, 0 for none
     * @param proof the consistency proof's 32-byte hashes
     * @param checkpoint the checkpoint to cosign
     * @throws IllegalArgumentException if the size is negative or the proof too long or of other than 32-byte hashes
     */
    public WitnessRequest {
        if (oldSize < 0) {
            throw new IllegalArgumentException("an old size is 0 or more");
        }
        proof = proof.stream().map(byte[]::clone).toList();
        if (proof.size() > MAX_PROOF_LINES || proof.stream().anyMatch(hash -> hash.length != Hashes.SIZE)) {
            throw new IllegalArgumentException("a consistency proof is at most " + MAX_PROOF_LINES
                                                       + " hashes of 32 bytes");
        }
    }

    /**
     * Parses a request body.
     *
     * @param text the request body
     * @return the request
     * @throws IllegalArgumentException if the text is not a witness request
     */
    public static WitnessRequest parse(String text) {
        int blank = text.indexOf("\n\n");
        if (!text.startsWith("old ") || blank < 0) {
            throw new IllegalArgumentException("not a witness request: it begins with \"old <size>\", the proof "
                                                       + "lines and a blank line, then the checkpoint");
        }
        List<String> lines = List.of(text.substring(0, blank).split("\n", -1));
        String size = lines.get(0).substring("old ".length());
        if (!size.matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("not a witness request: the old size is not a decimal number: " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            try {
                byte[] hash = Base64.getDecoder().decode(line);
                if (hash.length != Hashes.SIZE) {
                    throw new IllegalArgumentException();
                }
                proof.add(hash);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a witness request: a proof line is not a base64 hash: "
                                                           + line);
            }
        }
        return new WitnessRequest(Long.parseLong(size), proof, SignedCheckpoint.parse(text.substring(blank + 2)));
    }

    /**
     * The request body.
     *
     * @return the text, as {@link #parse} reads it
     */
    public String format() {
        StringBuilder text = new StringBuilder("old ").append(oldSize).append('\n');
        proof.forEach(hash -> text.append(Base64.getEncoder().encodeToString(hash)).append('\n'));
        return text.append('\n').append(checkpoint.format()).toString();
    }
}
