/** Tamper evidence: leaf hashes and stream chains at append, RFC 6962 Merkle trees, signed checkpoints, proofs. */
package dev.parley.application.integrity;
