/** Where events, tokens and read models are kept: the JDBC store, its schema migrations and its transactions. */
package dev.parley.application.storage;
