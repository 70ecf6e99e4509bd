/** Tests of how commands travel: their target aggregate. */
package dev.parley.application.messaging;
