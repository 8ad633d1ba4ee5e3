package org.goldenthread.infra;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Golden Thread: the running service. {@code --demo} loads one programme built from the method's own
 * examples so a new user sees a populated board at once.
 */
@SpringBootApplication(scanBasePackages = "org.goldenthread")
public class GoldenThreadApplication {

    static {
        // Axon's update checker reports usage to AxonIQ over the internet; a service holding care records does not
        // phone home (set -Daxoniq.update-checker.disabled=false to allow it)
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
    }

    public static void main(String[] args) {
        SpringApplication.run(GoldenThreadApplication.class, withDemoSwitch(args));
    }

    /**
     * {@code --demo} is shorthand for {@code --goldenthread.demo=true} (a command-line property, so it wins over
     * application.yml).
     */
    static String[] withDemoSwitch(String[] args) {
        return Arrays.stream(args)
                .map(a -> a.equals("--demo") ? "--goldenthread.demo=true" : a)
                .toArray(String[]::new);
    }
}
