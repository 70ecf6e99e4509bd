/** The timeline read model: every event of every aggregate in the order things happened, in one line each. */
package dev.parley.projections.timeline;
