/** Cross-cutting configuration: the clock, JSON, scheduling and the encryption keys. */
package io.waymark.config;
