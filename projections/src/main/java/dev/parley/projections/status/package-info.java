/** The status read model: where each negotiation and incident stands now, rebuildable by replay. */
package dev.parley.projections.status;
