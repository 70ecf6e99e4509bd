/** Process rules: reactions of one aggregate to another's events, run in the same transaction as their cause. */
package dev.parley.application.policy;
