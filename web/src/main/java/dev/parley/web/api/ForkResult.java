package dev.parley.web.api;

import dev.parley.application.fork.ForkDiff;

import java.util.List;

/**
 * What a fork did: the commands accepted, each rejected one as {@code parley fork --json} reports it, the diff against
 * the record in the same form, and the branch it was saved as (null when not saved).
 *
 * @param forkPoint  the position in the record the fork (or the branch it continues) went its own way after
 * @param accepted   how many commands were accepted
 * @param rejections each command rejected, in file order
 * @param diff       how the fork differs from the record
 * @param savedAs    the branch the fork was saved as, or null when not saved
 */
public record ForkResult(long forkPoint, int accepted, List<RejectionView> rejections, ForkDiff diff, String savedAs) {
}
