/** Several writers on one store: conflicts detected, retried, and nothing lost or duplicated. */
package dev.parley.application.concurrency;
