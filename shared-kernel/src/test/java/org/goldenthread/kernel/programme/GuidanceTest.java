package org.goldenthread.kernel.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.goldenthread.kernel.Perspective;
import org.junit.jupiter.api.Test;

class GuidanceTest {

    private static SamplePlan plan(int quantity, int population) {
        return new SamplePlan("reviews", "person-centred", "everyone", "day centre", "spring", quantity, population);
    }

    private static boolean sampleOk(Level level, int quantity, int population) {
        return Guidance.sample(level, plan(quantity, population), quantity)
                .get(0)
                .ok();
    }

    @Test
    void service_level_needs_ten_percent_or_a_hundred_whichever_is_lower() {
        assertThat(sampleOk(Level.SERVICE, 50, 500)).isTrue();
        assertThat(sampleOk(Level.SERVICE, 49, 500)).isFalse();
        assertThat(sampleOk(Level.SERVICE, 100, 5000)).isTrue();
        assertThat(sampleOk(Level.SERVICE, 99, 5000)).isFalse();
    }

    @Test
    void unit_level_needs_everyone_or_half_of_a_large_unit() {
        assertThat(sampleOk(Level.UNIT, 8, 8)).isTrue();
        assertThat(sampleOk(Level.UNIT, 7, 8)).isFalse();
        assertThat(sampleOk(Level.UNIT, 30, 60)).isTrue();
        assertThat(sampleOk(Level.UNIT, 29, 60)).isFalse();
    }

    @Test
    void provider_level_smallest_seen_is_fifteen_reviews_or_twenty_percent() {
        assertThat(sampleOk(Level.PROVIDER, 15, 75)).isTrue();
        assertThat(sampleOk(Level.PROVIDER, 14, 70)).isFalse();
        assertThat(sampleOk(Level.PROVIDER, 15, 100)).isFalse();
    }

    @Test
    void population_level_takes_at_most_a_hundred_subjects() {
        assertThat(sampleOk(Level.POPULATION, 100, 20000)).isTrue();
        assertThat(sampleOk(Level.POPULATION, 101, 20000)).isFalse();
    }

    @Test
    void collection_advisory_compares_recorded_reviews_with_the_plan() {
        List<Advisory> advisories = Guidance.sample(Level.SERVICE, plan(50, 500), 10);
        assertThat(advisories).anySatisfy(a -> {
            assertThat(a.topic()).isEqualTo("collection");
            assertThat(a.ok()).isFalse();
            assertThat(a.message()).contains("10 of 50");
        });
    }

    @Test
    void attendance_is_best_at_25_to_30_in_roughly_equal_groups() {
        List<Perspective> balanced = new ArrayList<>();
        balanced.addAll(Collections.nCopies(5, Perspective.PERSON));
        balanced.addAll(Collections.nCopies(4, Perspective.CARER_FAMILY));
        balanced.addAll(Collections.nCopies(8, Perspective.COMMISSIONER));
        balanced.addAll(Collections.nCopies(9, Perspective.PROVIDER));
        assertThat(Guidance.attendance(balanced)).allMatch(Advisory::ok);

        List<Perspective> lopsided = new ArrayList<>(Collections.nCopies(20, Perspective.PROVIDER));
        lopsided.addAll(Collections.nCopies(2, Perspective.PERSON));
        lopsided.addAll(Collections.nCopies(2, Perspective.COMMISSIONER));
        List<Advisory> advisories = Guidance.attendance(lopsided);
        assertThat(advisories).filteredOn(a -> a.topic().equals("attendance")).allMatch(a -> !a.ok());
        assertThat(advisories).filteredOn(a -> a.topic().equals("balance")).allMatch(a -> !a.ok());
    }
}
