package org.goldenthread.kernel.progress;

/**
 * When a step of the method counts as done — the one place it is decided (the progress view only gathers the
 * figures). Each step is NOT_STARTED, IN_PROGRESS or DONE.
 */
public final class StepPolicy {

    public static final String NOT_STARTED = "NOT_STARTED";
    public static final String IN_PROGRESS = "IN_PROGRESS";
    public static final String DONE = "DONE";

    private StepPolicy() {}

    /**
     * Prepare: under way from the launch (the purpose is stated); done once a sample is planned and someone is
     * registered.
     */
    public static String prepare(boolean samplePlanned, int participants) {
        return samplePlanned && participants > 0 ? DONE : IN_PROGRESS;
    }

    /** Collect: started with the first statement of the cycle; done once the card call has begun. */
    public static String collect(int statements, boolean cardCallStarted) {
        return statements == 0 ? NOT_STARTED : cardCallStarted ? DONE : IN_PROGRESS;
    }

    /** Theme (and vote): started with a theme holding statements or a vote; done once a vote has closed. */
    public static String theme(boolean voteClosed, boolean themesOrVotes) {
        return voteClosed ? DONE : themesOrVotes ? IN_PROGRESS : NOT_STARTED;
    }

    /**
     * Steps 4–7, done theme by theme: not started until any of its work exists this cycle; done when every
     * prioritised theme is done (and there is at least one); in progress in between.
     */
    public static String perTheme(boolean started, long themesDone, int prioritised) {
        return !started && themesDone == 0
                ? NOT_STARTED
                : prioritised > 0 && themesDone == prioritised ? DONE : IN_PROGRESS;
    }

    /** Learning and review: started with an actual or a process review; done once the cycle's report is published. */
    public static String review(boolean reportPublished, boolean actualsOrReviews) {
        return reportPublished ? DONE : actualsOrReviews ? IN_PROGRESS : NOT_STARTED;
    }
}
