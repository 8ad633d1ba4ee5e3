package org.goldenthread.kernel.success;

import java.util.List;
import java.util.Locale;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.InvalidInput;
import org.goldenthread.kernel.Require;

/**
 * Identify success: a statement written by one perspective for a prioritised theme, answering some of its
 * chosen root causes. People's statements are in the first person ("I …"), the others' in "We …".
 */
public record WriteSuccessStatement(
        @TargetAggregateIdentifier String programmeId,
        String successId,
        String themeId,
        SuccessPerspective perspective,
        String text,
        List<String> rootCauseIds) {
    public WriteSuccessStatement {
        Require.id("programmeId", programmeId);
        Require.id("successId", successId);
        Require.id("themeId", themeId);
        Require.present("perspective", perspective);
        text = Require.text("text", text, 1000);
        requireVoice(perspective, text);
        rootCauseIds = Require.optionalIds("rootCauseIds", rootCauseIds);
    }

    /** "I …" for people, carers and families; "We …" for commissioners and providers. */
    public static void requireVoice(SuccessPerspective perspective, String text) {
        String t = text.strip().replace('\u2019', '\'');
        String first = t.split("[\\s']", 2)[0].toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        boolean ok = perspective == SuccessPerspective.PEOPLE_CARERS_FAMILIES ? first.equals("i") : first.equals("we");
        if (!ok) {
            throw new InvalidInput(
                    "text", perspective + " success statements start with \"" + perspective.voice() + " …\"");
        }
    }
}
