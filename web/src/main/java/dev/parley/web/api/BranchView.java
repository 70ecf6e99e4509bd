package dev.parley.web.api;

import dev.parley.application.fork.BranchStore;
import dev.parley.application.fork.ForkDiff;

/**
 * A saved branch and how it differs from the record as it is now.
 *
 * @param branch the branch's summary, as {@code parley forks --json} lists it
 * @param diff   how the branch differs from the record's head
 */
public record BranchView(BranchStore.BranchSummary branch, ForkDiff diff) {
}
