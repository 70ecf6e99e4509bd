package dev.parley.web.api;

import dev.parley.application.fork.BranchStore;
import dev.parley.application.fork.ForkDiff;

/** A saved branch and how it differs from the record as it is now. */
public record BranchView(BranchStore.BranchSummary branch, ForkDiff diff) {
}
