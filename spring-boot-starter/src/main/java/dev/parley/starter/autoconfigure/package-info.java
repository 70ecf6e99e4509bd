/**
 * Spring Boot auto-configuration: Parley's modules and components as the beans Axon's own auto-configuration takes,
 * on the application's DataSource, with the actor from Spring Security and the read models' health.
 */
package dev.parley.starter.autoconfigure;
