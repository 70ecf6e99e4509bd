/** What-if forks: copy-on-write branches of the history, their own commands and read models, and diffs. */
package dev.parley.application.fork;
