package dev.firebreak.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    /** Domain code asks this clock for the time, so tests can move it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
