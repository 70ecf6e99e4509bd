/** The public language of border incidents: commands, events, identifiers and value types. */
package dev.parley.incident.api;
