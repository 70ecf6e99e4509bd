/** Several application processes on one PostgreSQL, sharing the read models' segments and surviving a kill. */
package dev.parley.application.nodes;
