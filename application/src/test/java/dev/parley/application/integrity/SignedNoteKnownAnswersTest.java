package dev.parley.application.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Signed notes, verifier keys, checkpoints and cosignatures against published examples (test resources
 * vectors/signed-note, README there): golang.org/x/mod/sumdb/note's test keys and notes, the C2SP specifications'
 * examples, and a real sum.golang.org checkpoint.
 */
class SignedNoteKnownAnswersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode vectors(String name) {
        try (InputStream in = SignedNoteKnownAnswersTest.class.getClassLoader()
                                                              .getResourceAsStream("vectors/signed-note/" + name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final JsonNode GO = vectors("golang-sumdb-note.json");
    private static final JsonNode C2SP = vectors("c2sp.json");
    private static final JsonNode SUMDB = vectors("sum-golang-org.json");

    private static String text(JsonNode node, String field) {
        return node.get(field).textValue();
    }

    @Test
    void peterNeumannsVerifierKeyParsesToItsNameKeyIdAndTypeAndFormatsBackUnchanged() {
        VerifierKey key = VerifierKey.parse(text(GO, "peterVerifierKey"));

        assertThat(key.name()).isEqualTo("PeterNeumann");
        assertThat(key.keyIdHex()).isEqualTo(text(GO, "peterKeyHash"));
        assertThat(key.type()).isEqualTo(VerifierKey.ED25519);
        assertThat(key).hasToString(text(GO, "peterVerifierKey"));
        assertThat(VerifierKey.of("PeterNeumann", VerifierKey.ED25519, key.publicKey())).isEqualTo(key);
    }

    @Test
    void everyManglingOfTheVerifierKeyThatGoRefusesIsRefused() {
        String vkey = text(GO, "peterVerifierKey");
        int refused = 0;
        for (int from = 0; from <= vkey.length(); from++) {
            for (int to = from + 1; to <= vkey.length(); to++) {
                if (from != 0 || to != vkey.length()) {
                    String part = vkey.substring(from, to);
                    assertThatThrownBy(() -> VerifierKey.parse(part)).as(part)
                                                                    .isInstanceOf(IllegalArgumentException.class);
                    refused++;
                }
            }
        }
        char[] chars = vkey.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i]++;
            String changed = new String(chars);
            assertThatThrownBy(() -> VerifierKey.parse(changed)).as(changed)
                                                               .isInstanceOf(IllegalArgumentException.class);
            chars[i]--;
            refused++;
        }
        for (JsonNode bad : GO.get("badVerifierKeys")) {
            assertThatThrownBy(() -> VerifierKey.parse(bad.textValue())).as(bad.textValue())
                                                                       .isInstanceOf(IllegalArgumentException.class);
            refused++;
        }
        assertThat(refused).isGreaterThan(vkey.length() * vkey.length() / 2);
    }

    @Test
    void thePrivateKeyDerivesTheVerifierKeyAndSignsExactlyThePublishedNote() {
        NoteSigningKey key = NoteSigningKey.parse(text(GO, "peterPrivateKey"));

        assertThat(key.verifierKey()).hasToString(text(GO, "peterVerifierKey"));
        assertThat(key.format()).isEqualTo(text(GO, "peterPrivateKey"));
        assertThat(key.signNote(text(GO, "text")).format()).as("Ed25519 is deterministic: Go's TestSign output")
                                                         .isEqualTo(text(GO, "signedByPeter"));
    }

    @Test
    void everyManglingOfThePrivateKeyIsRefused() {
        String skey = text(GO, "peterPrivateKey");
        char[] chars = skey.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i]++;
            String changed = new String(chars);
            assertThatThrownBy(() -> NoteSigningKey.parse(changed)).as(changed)
                                                                  .isInstanceOf(IllegalArgumentException.class);
            chars[i]--;
        }
        assertThatThrownBy(() -> NoteSigningKey.parse(skey.substring(0, skey.length() - 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNoteSignedByTwoKeysVerifiesForEachKnownKeyAndIgnoresTheUnknownOne() {
        VerifierKey peter = VerifierKey.parse(text(GO, "peterVerifierKey"));
        VerifierKey enoch = VerifierKey.parse(text(GO, "enochVerifierKey"));
        SignedNote note = SignedNote.parse(text(GO, "text") + "\n" + text(GO, "peterSignatureLine")
                                                   + text(GO, "enochSignatureLine"));

        assertThat(note.text()).isEqualTo(text(GO, "text"));
        assertThat(note.signatures()).extracting(NoteSignature::name).containsExactly("PeterNeumann", "EnochRoot");
        assertThat(note.signatures().get(0).keyId()).isEqualTo((int) 0xc74f20a3L);
        assertThat(note.signatures().get(1).keyId()).isEqualTo((int) 0xaf0cfe78L);
        assertThat(note.check(peter)).isEqualTo(SignedNote.Check.VERIFIED);
        assertThat(note.check(enoch)).isEqualTo(SignedNote.Check.VERIFIED);
        assertThat(note.verifiedBy(List.of(peter))).isEqualTo(1);
        assertThat(note.verifiedBy(List.of(peter, enoch, enoch))).as("distinct keys").isEqualTo(2);
        assertThat(note.format()).isEqualTo(text(GO, "text") + "\n" + text(GO, "peterSignatureLine")
                                                    + text(GO, "enochSignatureLine"));
    }

    @Test
    void aSignatureOfAKnownKeyWithBytesChangedFailsTheNoteAsGoDoes() {
        VerifierKey peter = VerifierKey.parse(text(GO, "peterVerifierKey"));
        String line = text(GO, "peterSignatureLine");
        SignedNote note = SignedNote.parse(text(GO, "text") + "\n" + line.substring(0, 60) + "ABCD"
                                                   + line.substring(60));

        assertThat(note.check(peter)).isEqualTo(SignedNote.Check.FAILED);
        assertThat(note.verifiedBy(List.of(peter))).isEqualTo(-1);
    }

    @Test
    void theMalformedNotesOfGosTestsAreRefused() {
        for (JsonNode bad : GO.get("malformedNotes")) {
            assertThatThrownBy(() -> SignedNote.parse(bad.textValue())).as(bad.textValue())
                                                                      .isInstanceOf(IllegalArgumentException.class);
        }
        byte[] notUtf8 = HexFormat.of().parseHex(text(GO, "malformedNoteNotUtf8Hex"));
        assertThatThrownBy(() -> SignedNote.parse(notUtf8)).isInstanceOf(IllegalArgumentException.class);
        String tooMany = text(GO, "text") + "\n" + text(GO, "peterSignatureLine").repeat(101);
        assertThatThrownBy(() -> SignedNote.parse(tooMany)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSignedNoteSpecsExampleVerifiesWithItsVerifierKey() {
        JsonNode example = C2SP.get("signedNote");
        VerifierKey key = VerifierKey.parse(text(example, "verifierKey"));
        SignedNote note = SignedNote.parse(text(example, "note"));

        assertThat(note.text()).isEqualTo("This is an example message.\n");
        assertThat(note.check(key)).isEqualTo(SignedNote.Check.VERIFIED);
        assertThat(note.format()).isEqualTo(text(example, "note"));
    }

    @Test
    void theCheckpointSpecsExampleParsesToItsOriginSizeAndRoot() {
        JsonNode example = C2SP.get("checkpoint");
        SignedCheckpoint signed = SignedCheckpoint.parse(text(example, "note"));

        assertThat(signed.checkpoint().origin()).isEqualTo(text(example, "origin"));
        assertThat(signed.treeSize()).isEqualTo(example.get("treeSize").longValue());
        assertThat(signed.root()).isEqualTo(Base64.getDecoder().decode(text(example, "rootHash")));
        assertThat(signed.format()).isEqualTo(text(example, "note"));
    }

    @Test
    void theCosignatureSpecsExampleLineCarriesItsKeyIdAndTimestampAndItsMessageIsThePublishedOne() {
        JsonNode example = C2SP.get("cosignature");
        SignedCheckpoint signed = SignedCheckpoint.parse(text(example, "note"));
        NoteSignature line = signed.note().signatures().get(1);

        Cosignature cosignature = Cosignature.fromOrNull(line);

        assertThat(cosignature).isNotNull();
        assertThat(cosignature.name()).isEqualTo(text(example, "witnessName"));
        assertThat(HexFormat.of().toHexDigits(cosignature.keyId())).isEqualTo(text(example, "keyId"));
        assertThat(cosignature.timestamp()).isEqualTo(example.get("timestamp").longValue());
        assertThat(new String(Cosignature.signedMessage(signed.note().text(), cosignature.timestamp()),
                              StandardCharsets.UTF_8)).isEqualTo(text(example, "signedMessage"));
        assertThat(Cosignature.fromOrNull(signed.note().signatures().get(0)))
                .as("the log's own line is a plain 64-byte signature").isNull();
    }

    @Test
    void aRealSumGolangOrgCheckpointVerifiesWithItsVerifierKeyThoughItsOriginHasSpaces() {
        VerifierKey key = VerifierKey.parse(text(SUMDB, "verifierKey"));
        SignedCheckpoint signed = SignedCheckpoint.parse(text(SUMDB, "note"));

        assertThat(signed.checkpoint().origin()).isEqualTo(text(SUMDB, "origin"));
        assertThat(signed.treeSize()).isEqualTo(SUMDB.get("treeSize").longValue());
        assertThat(signed.root()).isEqualTo(Base64.getDecoder().decode(text(SUMDB, "rootHash")));
        CheckpointTrust trust = new CheckpointTrust(List.of(key), null, "sum.golang.org", List.of(), 0);
        assertThat(trust.problemWith(signed)).isNull();
        assertThat(new CheckpointTrust(List.of(VerifierKey.parse(text(GO, "peterVerifierKey"))), null, "Peter's",
                                       List.of(), 0).problemWith(signed))
                .isEqualTo("the checkpoint was signed by another key than Peter's");
    }

    @Test
    void aCosignatureMadeWithAWitnessKeyVerifiesWithItsType4VerifierKeyAndNotWithTheType1One() {
        NoteSigningKey peter = NoteSigningKey.parse(text(GO, "peterPrivateKey"));
        NoteSigningKey witness = NoteSigningKey.of("witness.example/w", VerifierKey.COSIGNATURE_V1,
                                                   Ed25519.seed(Ed25519.pkcs8(new byte[32])));
        SignedCheckpoint signed = SignedCheckpoint.sign(new Checkpoint("example.com/log", 3, new byte[32]),
                                                        peter.named("example.com/log"));

        SignedCheckpoint cosigned = signed.cosignedBy(witness, 1679315147L);

        VerifierKey witnessKey = witness.verifierKey();
        assertThat(witnessKey.keyId()).isEqualTo(VerifierKey.keyId("witness.example/w", 0x04, witnessKey.publicKey()));
        assertThat(witnessKey.toString()).startsWith("witness.example/w+" + witnessKey.keyIdHex() + "+B");
        assertThat(cosigned.note().check(witnessKey)).isEqualTo(SignedNote.Check.VERIFIED);
        assertThat(Cosignature.fromOrNull(cosigned.note().signatures().get(1)).timestamp()).isEqualTo(1679315147L);
        assertThat(cosigned.note().check(VerifierKey.of("witness.example/w", VerifierKey.ED25519,
                                                        witnessKey.publicKey())))
                .as("the same key as a plain note key has another key ID").isEqualTo(SignedNote.Check.ABSENT);
        assertThat(VerifierKey.parse(witnessKey.toString())).isEqualTo(witnessKey);
    }
}
