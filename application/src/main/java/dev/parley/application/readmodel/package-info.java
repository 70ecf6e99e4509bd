/** Running the read models: waiting for them to catch up, replaying them from the event store, comparing them. */
package dev.parley.application.readmodel;
