package dev.parley.web.api;

import dev.parley.application.fork.ForkDiff;

import java.util.List;

/**
 * What a fork did: the commands accepted, each rejected one as {@code parley fork --json} reports it, the diff against
 * the record in the same form, and the branch it was saved as (null when not saved).
 */
public record ForkResult(long forkPoint, int accepted, List<RejectionView> rejections, ForkDiff diff, String savedAs) {
}
