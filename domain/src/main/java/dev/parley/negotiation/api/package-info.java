/** The public language of negotiations: commands, events, identifiers and value types. */
package dev.parley.negotiation.api;
