package dev.parley.application.integrity;

import java.util.List;

/**
 * Proof that one event is leaf {@code leafIndex} of the tree a checkpoint signed: the event's canonical leaf input
 * (base64), its leaf hash, and the RFC 6962 audit path, all checkable with no database.
 */
public record InclusionProof(long position,
                             String aggregateId,
                             long sequence,
                             long leafIndex,
                             long treeSize,
                             String rootHash,
                             String leafHash,
                             String leafInput,
                             List<String> auditPath) {
}
