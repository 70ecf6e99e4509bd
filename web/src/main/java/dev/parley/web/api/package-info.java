/**
 * The console's JSON API: the read-only service over a Parley, its controllers, request and response records, and the
 * JSON error handler.
 */
package dev.parley.web.api;
