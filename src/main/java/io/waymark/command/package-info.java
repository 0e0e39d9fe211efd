/**
 * Commands to devices ({@code POST /api/v1/devices/{user}/{device}/commands}): published as
 * {@code {"_type":"cmd",...}} on the device's {@code cmd} topic for MQTT devices, queued for the
 * next {@code /pub} answer ({@link io.waymark.command.QueuedCommands}) for HTTP devices, and
 * kept in {@code device_command}. What the device answers arrives like any other message.
 */
package io.waymark.command;
