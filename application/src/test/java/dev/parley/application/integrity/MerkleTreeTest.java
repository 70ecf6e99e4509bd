package dev.parley.application.integrity;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MerkleTreeTest {

    private static List<byte[]> leaves(int count) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            leaves.add(Hashes.leaf(("event " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return leaves;
    }

    @Test
    void theRootOfOneLeafIsThatLeafAndOfTwoIsTheirNode() {
        List<byte[]> two = leaves(2);
        assertThat(MerkleTree.root(two.subList(0, 1))).isEqualTo(two.get(0));
        assertThat(MerkleTree.root(two)).isEqualTo(Hashes.node(two.get(0), two.get(1)));
    }

    @Test
    void everyLeafOfEveryTreeSizeIsProvablyIncludedAndAChangedPathFails() {
        for (int size = 1; size <= 33; size++) {
            List<byte[]> leaves = leaves(size);
            byte[] root = MerkleTree.root(leaves);
            for (int index = 0; index < size; index++) {
                List<byte[]> path = MerkleTree.inclusionPath(leaves, index);
                assertThat(MerkleTree.verifyInclusion(leaves.get(index), index, size, path, root))
                        .as("leaf %d of %d", index, size).isTrue();
                if (!path.isEmpty()) {
                    List<byte[]> changed = new ArrayList<>(path);
                    byte[] tampered = changed.get(0).clone();
                    tampered[0] ^= 1;
                    changed.set(0, tampered);
                    assertThat(MerkleTree.verifyInclusion(leaves.get(index), index, size, changed, root)).isFalse();
                }
                assertThat(MerkleTree.verifyInclusion(Hashes.leaf(new byte[]{1}), index, size, path, root)).isFalse();
            }
        }
    }

    @Test
    void everyPrefixIsProvablyConsistentWithTheWholeAndARewrittenPrefixIsNot() {
        for (int size = 1; size <= 33; size++) {
            List<byte[]> leaves = leaves(size);
            byte[] root = MerkleTree.root(leaves);
            for (int old = 1; old <= size; old++) {
                byte[] oldRoot = MerkleTree.root(leaves.subList(0, old));
                List<byte[]> proof = MerkleTree.consistencyProof(leaves, old);
                assertThat(MerkleTree.verifyConsistency(old, oldRoot, size, root, proof))
                        .as("%d of %d", old, size).isTrue();
                List<byte[]> rewritten = new ArrayList<>(leaves);
                rewritten.set(0, Hashes.leaf("forged".getBytes(StandardCharsets.UTF_8)));
                assertThat(MerkleTree.verifyConsistency(old, oldRoot, size, MerkleTree.root(rewritten),
                                                        MerkleTree.consistencyProof(rewritten, old)))
                        .as("rewritten %d of %d", old, size).isFalse();
            }
        }
    }
}
