package dev.firebreak.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.support.ServerTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Listing alerts outside a transaction (dashboard, alerts API) must give its connection back. */
@Tag("database")
class AlertListIT extends ServerTest {
    @Autowired
    Alerts alerts;

    @Test
    void listingManyTimesDoesNotDrainTheConnectionPool() {
        // Three times the default pool of 10: a connection kept per call would make a later call
        // wait out the pool's connection timeout and fail instead of answering.
        for (int i = 0; i < 30; i++) {
            assertThat(alerts.list(AlertFilter.firing())).isNotNull();
        }
    }
}
