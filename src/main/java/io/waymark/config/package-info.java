/**
 * Cross-cutting configuration and helpers every module may use: the clock, JSON, logging, the encryption keys, REST
 * problem details and parameter conversion, and the JDBC helpers ({@link io.waymark.config.SqlDialect},
 * {@link io.waymark.config.SqlColumns}, {@link io.waymark.config.SqlTime},
 * {@link io.waymark.config.AfterCommit}). It depends on no other module.
 */
package io.waymark.config;
