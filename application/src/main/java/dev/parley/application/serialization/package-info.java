/** How Parley turns stored bytes back into objects: only its own event and aggregate classes, never a class the data names. */
package dev.parley.application.serialization;
