/** The measurement harness behind {@code benchmarks/run}: whole-run figures with their baselines, and JMH benchmarks. */
package dev.parley.benchmarks;
