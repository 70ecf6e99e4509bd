/** Parley for embedding applications: open a store, send commands, query read models. */
package dev.parley.application;
