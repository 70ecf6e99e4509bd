/** Provenance carried as message metadata: who entered a command, and the correlation and causation ids. */
package dev.parley.application.messaging;
