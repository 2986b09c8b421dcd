package dev.firebreak.platform.signals;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class SignalsConfiguration {

    /**
     * Chosen here at run time from the JDBC URL, not by a bean condition: the server runs from bean
     * definitions the build generated (Spring AOT), which froze every condition.
     */
    @Bean
    ClusterSignals clusterSignals(Environment environment, DataSource pool) {
        String url = environment.getProperty("spring.datasource.url", "");
        if (url.startsWith("jdbc:postgresql:")) {
            return new PostgresSignals(
                    url,
                    environment.getProperty("spring.datasource.username"),
                    environment.getProperty("spring.datasource.password"),
                    pool);
        }
        return new SingleNodeSignals();
    }
}
