/** The console's guards: the access token, the bound on request bodies and the same-origin rule for forks. */
package dev.parley.web.security;
