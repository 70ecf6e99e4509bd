/** Reading stored data back: only Parley's own event and aggregate classes, never any class the data names. */
package dev.parley.application.serialization;
