/** The audit trail read model: one entry per stored event, with its place in the store and its provenance. */
package dev.parley.projections.audit;
