package dev.parley.application.integrity;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tree read from full subtrees gives RFC 6962's roots, paths and proofs, as {@link MerkleTree} computes them over
 * all leaves (itself checked against transparency-dev/merkle's vectors), and reads one full subtree per level at most.
 */
class TreeHashesTest {

    private static List<byte[]> leaves(int count) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            leaves.add(Hashes.leaf(ByteBuffer.allocate(4).putInt(i).array()));
        }
        return leaves;
    }

    @Test
    void rootsPathsAndConsistencyProofsAreThoseOfTheWholeTreeForEverySizeUpTo70() {
        List<byte[]> all = leaves(70);
        TreeHashes stored = TreeHashes.over(all);
        for (int size = 0; size <= all.size(); size++) {
            List<byte[]> prefix = all.subList(0, size);
            assertThat(stored.root(size)).as("root of %d", size).isEqualTo(MerkleTree.root(prefix));
            for (int index = 0; index < size; index++) {
                assertThat(stored.inclusionPath(index, size)).as("path of %d in %d", index, size)
                        .containsExactlyElementsOf(MerkleTree.inclusionPath(prefix, index));
                assertThat(MerkleTree.verifyInclusion(prefix.get(index), index, size,
                                                      stored.inclusionPath(index, size), stored.root(size))).isTrue();
            }
            for (int old = 0; old <= size; old++) {
                assertThat(stored.consistencyProof(old, size)).as("proof from %d to %d", old, size)
                        .containsExactlyElementsOf(MerkleTree.consistencyProof(prefix, old));
            }
        }
    }

    /** A tree whose leaves are all alike, so that any full subtree's hash is computed in O(level). */
    private static byte[] subtree(int level) {
        byte[] hash = Hashes.leaf(new byte[]{42});
        for (int i = 0; i < level; i++) {
            hash = Hashes.node(hash, hash);
        }
        return hash;
    }

    @Test
    void aProofInATreeBeyondTwoToTheThirtyOneLeavesHoldsAndReadsAFewSubtreesPerLevel() {
        Map<String, byte[]> read = new HashMap<>();
        TreeHashes huge = new TreeHashes((level, index) -> {
            read.put(level + "/" + index, subtree(level));
            return subtree(level);
        });
        long size = (1L << 40) + 12_345;
        long index = (1L << 40) + 7;

        List<byte[]> path = huge.inclusionPath(index, size);
        int reads = read.size();

        assertThat(reads).as("full subtrees read for a path").isLessThanOrEqualTo(2 * 41);
        assertThat(MerkleTree.verifyInclusion(subtree(0), index, size, path, huge.root(size))).isTrue();
        assertThat(MerkleTree.verifyInclusion(subtree(1), index, size, path, huge.root(size))).isFalse();
    }
}
