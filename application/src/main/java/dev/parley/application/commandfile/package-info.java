/** Command files: NDJSON, one command per line, applied in order with every rejection reported by line. */
package dev.parley.application.commandfile;
