/** The one place that names Parley's tables and columns, for every module that writes SQL. */
package dev.parley.projections.schema;
