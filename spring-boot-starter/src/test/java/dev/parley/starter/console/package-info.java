/** A Spring Boot application that turns Parley's console on with {@code parley.web.enabled}. */
package dev.parley.starter.console;
