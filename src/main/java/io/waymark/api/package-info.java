/** The REST API ({@code /api/v1}): JSON views, times as ISO-8601 UTC, errors as problem+json. */
package io.waymark.api;
