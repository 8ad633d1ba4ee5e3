package org.goldenthread.kernel.implement;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ActionPlanAgreed(
        String programmeId, String planId, String ideaId, String themeId, int version, PlanContent content) {}
