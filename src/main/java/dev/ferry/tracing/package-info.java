/**
 * One trace per order: the W3C trace context an order arrives with (or a new one) kept with the order and carried
 * by every message for it. Spans come from Spring (HTTP, JMS sends) and Camel (endpoints); this package only joins
 * what those cannot see. See docs/operations.md#tracing.
 */
package dev.ferry.tracing;
