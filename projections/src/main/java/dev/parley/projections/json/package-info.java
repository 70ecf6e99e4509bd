/** The one JSON mapper configuration of Parley, used for stored events, read models and CLI output. */
package dev.parley.projections.json;
