package io.waymark.config;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for everything that reasons about time, so tests can move it. It ticks in
 * microseconds, the precision both databases keep: an instant written reads back equal, so what
 * was written can stand for what a read would give (the device list's patches), and the live
 * stream and the REST API show the same {@code receivedAt}.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
