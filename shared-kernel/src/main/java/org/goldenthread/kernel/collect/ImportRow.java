package org.goldenthread.kernel.collect;

/**
 * One CSV row as read ({@code person,category,priority,text}), not yet validated; {@code line} is its
 * line number in the file, {@code statementId} and {@code reviewId} are assigned by the adapter
 * (one review per person in the file).
 */
public record ImportRow(
        int line, String statementId, String reviewId, String person, String category, String priority, String text) {}
