/** The Parley console: its Spring auto-configuration, its settings and the read-only service over a Parley. */
package dev.parley.web;
