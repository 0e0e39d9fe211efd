/** Cross-cutting configuration: the clock, JSON and scheduling. */
package io.waymark.config;
