package org.goldenthread.vote;

import java.util.List;

/** A theme as it was when the round opened; votes are tied to this. */
public record ThemeAtOpening(String themeId, String title, List<String> statementIds) {
}
