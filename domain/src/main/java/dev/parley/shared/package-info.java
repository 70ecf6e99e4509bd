/** Domain plumbing shared by both aggregates: the registry of aggregate types and existence of aggregates. */
package dev.parley.shared;
