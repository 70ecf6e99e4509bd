package dev.parley.application.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parley's RFC 6962 tree against the published answers of transparency-dev/merkle (test resources
 * vectors/transparency-dev-merkle, README there): the roots of the eight standard leaves for every size, and every
 * inclusion and consistency probe, which must verify exactly when {@code wantErr} is false.
 */
class MerkleTreeKnownAnswersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VECTORS = "vectors/transparency-dev-merkle";

    private static Path resource(String name) {
        try {
            return Path.of(MerkleTreeKnownAnswersTest.class.getClassLoader().getResource(VECTORS + "/" + name)
                                                           .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] base64(JsonNode node) {
        return node == null || node.isNull() ? new byte[0] : Base64.getDecoder().decode(node.textValue());
    }

    private static List<byte[]> hashes(JsonNode node) {
        List<byte[]> hashes = new ArrayList<>();
        if (node != null && !node.isNull()) {
            node.forEach(hash -> hashes.add(base64(hash)));
        }
        return hashes;
    }

    private static Stream<Path> probes(String kind) throws IOException {
        try (Stream<Path> files = Files.walk(resource(kind))) {
            List<Path> probes = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
            assertThat(probes).as("the %s probes are in the test resources", kind).hasSizeGreaterThan(50);
            return probes.stream();
        }
    }

    static Stream<Path> inclusionProbes() throws IOException {
        return probes("testdata/inclusion");
    }

    static Stream<Path> consistencyProbes() throws IOException {
        return probes("testdata/consistency");
    }

    @Test
    void theRootsOfTheEightStandardLeavesAreThePublishedOnesForEverySize() {
        JsonNode tree = json(resource("rfc6962-tree.json"));
        List<byte[]> leaves = new ArrayList<>();
        tree.get("leafInputs").forEach(input -> leaves.add(Hashes.leaf(HexFormat.of().parseHex(input.textValue()))));
        assertThat(leaves).hasSize(8);

        for (int size = 0; size <= 8; size++) {
            assertThat(Hashes.hex(MerkleTree.root(leaves.subList(0, size))))
                    .as("root of the first %d leaves", size)
                    .isEqualTo(tree.get("rootHashes").get(size).textValue());
        }
    }

    @Test
    void theProofsParleyMakesForTheStandardLeavesAreThePublishedHappyPaths() throws IOException {
        JsonNode tree = json(resource("rfc6962-tree.json"));
        List<byte[]> leaves = new ArrayList<>();
        tree.get("leafInputs").forEach(input -> leaves.add(Hashes.leaf(HexFormat.of().parseHex(input.textValue()))));
        int checked = 0;
        for (Path file : inclusionProbes().filter(file -> file.getFileName().toString().equals("happy-path.json"))
                                          .toList()) {
            JsonNode probe = json(file);
            int size = probe.get("treeSize").intValue();
            int index = probe.get("leafIdx").intValue();
            assertThat(MerkleTree.inclusionPath(leaves.subList(0, size), index))
                    .as("%s", file).usingElementComparator(java.util.Arrays::compare)
                    .containsExactlyElementsOf(hashes(probe.get("proof")));
            checked++;
        }
        for (Path file : consistencyProbes().filter(file -> file.getFileName().toString().equals("happy-path.json"))
                                            .toList()) {
            JsonNode probe = json(file);
            int size1 = probe.get("size1").intValue();
            int size2 = probe.get("size2").intValue();
            assertThat(MerkleTree.consistencyProof(leaves.subList(0, size2), size1))
                    .as("%s", file).usingElementComparator(java.util.Arrays::compare)
                    .containsExactlyElementsOf(hashes(probe.get("proof")));
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(8);
    }

    @ParameterizedTest
    @MethodSource("inclusionProbes")
    void everyPublishedInclusionProbeVerifiesExactlyWhenItShould(Path file) {
        JsonNode probe = json(file);

        boolean verified = MerkleTree.verifyInclusion(base64(probe.get("leafHash")), probe.get("leafIdx").longValue(),
                                                      probe.get("treeSize").longValue(), hashes(probe.get("proof")),
                                                      base64(probe.get("root")));

        assertThat(verified).as("%s: %s", file.getParent().getFileName() + "/" + file.getFileName(),
                                probe.get("desc").textValue())
                            .isEqualTo(!probe.get("wantErr").booleanValue());
    }

    @ParameterizedTest
    @MethodSource("consistencyProbes")
    void everyPublishedConsistencyProbeVerifiesExactlyWhenItShould(Path file) {
        JsonNode probe = json(file);

        boolean verified = MerkleTree.verifyConsistency(probe.get("size1").longValue(), base64(probe.get("root1")),
                                                        probe.get("size2").longValue(), base64(probe.get("root2")),
                                                        hashes(probe.get("proof")));

        assertThat(verified).as("%s: %s", file.getParent().getFileName() + "/" + file.getFileName(),
                                probe.get("desc").textValue())
                            .isEqualTo(!probe.get("wantErr").booleanValue());
    }
}
