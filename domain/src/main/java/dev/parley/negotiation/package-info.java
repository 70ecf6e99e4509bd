/** The Negotiation aggregate: rounds, frameworks, ceasefires, collapse and offers of mediation. */
package dev.parley.negotiation;
