/** The Parley console's Spring Boot auto-configuration and its settings ({@code parley.web.*}). */
package dev.parley.web;
