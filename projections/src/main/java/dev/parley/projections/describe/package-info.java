/** One-line, human descriptions of events, for timelines, demos and audit excerpts. */
package dev.parley.projections.describe;
