/** How a read model is declared once: its processing group, projection, tables, migrations and answers in a fork. */
package dev.parley.projections.readmodel;
