package org.goldenthread.infra.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Axon Server is used exactly when its servers are configured, unless enabled is set explicitly. */
class AxonServerSwitchTest {

    private static String enabledWith(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new AxonServerSwitch().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty("axon.axonserver.enabled");
    }

    @Test
    void axon_server_is_off_by_default_and_on_when_servers_are_set() {
        assertThat(enabledWith(Map.of())).isEqualTo("false");
        assertThat(enabledWith(Map.of("axon.axonserver.servers", ""))).isEqualTo("false");
        assertThat(enabledWith(Map.of("axon.axonserver.servers", "axonserver:8124")))
                .isEqualTo("true");
    }

    @Test
    void an_explicit_setting_wins() {
        assertThat(enabledWith(
                        Map.of("axon.axonserver.servers", "axonserver:8124", "axon.axonserver.enabled", "false")))
                .isEqualTo("false");
    }
}
