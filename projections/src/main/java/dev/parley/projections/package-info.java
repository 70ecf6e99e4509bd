/** The read models Parley runs by default. */
package dev.parley.projections;
