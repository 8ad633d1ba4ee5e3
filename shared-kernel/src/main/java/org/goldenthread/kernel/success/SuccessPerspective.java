package org.goldenthread.kernel.success;

/** Each stakeholder group writes its own success statements: people "I …", commissioners and providers "We …". */
public enum SuccessPerspective {
    PEOPLE_CARERS_FAMILIES("I"),
    COMMISSIONERS("We"),
    PROVIDERS("We");

    private final String voice;

    SuccessPerspective(String voice) {
        this.voice = voice;
    }

    /** The word a statement of this perspective starts with. */
    public String voice() {
        return voice;
    }
}
