/** What every command of Parley shares: provenance, field checks, error codes and the domain exception. */
package dev.parley.shared.api;
