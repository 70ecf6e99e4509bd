/** A Spring Boot application with Axon's starter and Parley's, driven through real HTTP calls. */
package dev.parley.starter.axon;
