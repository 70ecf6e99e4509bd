/** The BorderIncident aggregate: attacks, casualties, strikes, ceasefires and their violations. */
package dev.parley.incident;
