/** Upcasters: stored events of earlier revisions read as their current revision, the stored bytes untouched. */
package dev.parley.application.upcasting;
