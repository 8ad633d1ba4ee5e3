package org.goldenthread.kernel.implement;

public record ActionPlanAgreed(
        String programmeId, String planId, String ideaId, String themeId, int version, PlanContent content) {}
