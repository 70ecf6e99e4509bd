/** A small Spring Boot application that records incidents through the auto-configured Parley. */
package dev.parley.starter.sample;
