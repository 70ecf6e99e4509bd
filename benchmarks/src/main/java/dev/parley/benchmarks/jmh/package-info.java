/** JMH micro benchmarks of the hot paths under the whole-run figures: leaf hashing and event JSON. */
package dev.parley.benchmarks.jmh;
