package org.goldenthread.infra.store;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Axon Server is used exactly when {@code axon.axonserver.servers} is set (unless
 * {@code axon.axonserver.enabled} says otherwise); by default events go to the JDBC event store.
 */
public class AxonServerSwitch implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String servers = environment.getProperty("axon.axonserver.servers");
        boolean useAxonServer = servers != null && !servers.isBlank();
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "goldenthread-axonserver-switch",
                        Map.of("axon.axonserver.enabled", Boolean.toString(useAxonServer))));
    }
}
