/** The {@code parley} command line: run command files, show status, run the demo. */
package dev.parley.cli;
