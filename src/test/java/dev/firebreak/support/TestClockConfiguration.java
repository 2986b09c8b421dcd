package dev.firebreak.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the system clock in server tests so they can move time (token expiry, escalations). */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {
    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock();
    }
}
