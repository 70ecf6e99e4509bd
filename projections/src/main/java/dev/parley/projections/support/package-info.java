/** Plumbing shared by the read models: JDBC access, time columns and stored-event metadata. */
package dev.parley.projections.support;
