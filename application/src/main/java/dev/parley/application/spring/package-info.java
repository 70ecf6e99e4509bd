/** Spring Boot auto-configuration: Parley on the application's DataSource, its gateways, forks and integrity. */
package dev.parley.application.spring;
