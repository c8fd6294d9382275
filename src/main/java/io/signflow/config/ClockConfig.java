package io.signflow.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ClockConfig {

    /** One clock for all time decisions, so tests can move it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
