package org.goldenthread.kernel.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SmallCellsTest {

    @Test
    void counts_of_one_to_below_the_threshold_are_suppressed_zero_and_larger_shown() {
        SmallCells five = new SmallCells(5);
        assertThat(five.count(0)).isEqualTo("0");
        assertThat(five.count(1)).isEqualTo("<5");
        assertThat(five.count(4)).isEqualTo("<5");
        assertThat(five.count(5)).isEqualTo("5");
        assertThat(new SmallCells(10).count(9)).isEqualTo("<10");
        assertThat(new SmallCells(1).count(1)).isEqualTo("1");
        assertThatThrownBy(() -> new SmallCells(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
