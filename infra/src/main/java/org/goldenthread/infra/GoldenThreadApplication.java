package org.goldenthread.infra;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.util.Arrays;
import java.util.Map;

/**
 * Golden Thread: the running service. {@code --demo} loads one programme built from the method's own
 * examples so a new user sees a populated board at once.
 */
@SpringBootApplication(scanBasePackages = "org.goldenthread")
public class GoldenThreadApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(GoldenThreadApplication.class);
        if (Arrays.asList(args).contains("--demo")) {
            app.setDefaultProperties(Map.of("goldenthread.demo", "true"));
        }
        app.run(args);
    }
}
