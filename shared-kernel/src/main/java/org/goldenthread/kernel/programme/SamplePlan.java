package org.goldenthread.kernel.programme;

import org.goldenthread.kernel.InvalidInput;
import org.goldenthread.kernel.Require;

/**
 * Step 1's sample plan: what is sampled, how, who, where, when, how many ({@code quantity}) and the
 * size of the population the sample is drawn from.
 */
public record SamplePlan(
        String what, String how, String who, String where, String when, int quantity, int populationSize) {

    public static SamplePlan validated(
            String what, String how, String who, String where, String when, Integer quantity, Integer populationSize) {
        Require.present("quantity", quantity);
        Require.present("populationSize", populationSize);
        if (quantity < 1) {
            throw new InvalidInput("quantity", "quantity must be at least 1");
        }
        if (populationSize < 1) {
            throw new InvalidInput("populationSize", "populationSize must be at least 1");
        }
        if (quantity > populationSize) {
            throw new InvalidInput(
                    "quantity", "quantity (" + quantity + ") cannot exceed populationSize (" + populationSize + ")");
        }
        return new SamplePlan(
                Require.text("what", what, 500),
                Require.text("how", how, 500),
                Require.text("who", who, 500),
                Require.text("where", where, 500),
                Require.text("when", when, 200),
                quantity,
                populationSize);
    }
}
