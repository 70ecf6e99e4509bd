/** The console's JSON API: controllers, request and response records, and the JSON error handler. */
package dev.parley.web.api;
