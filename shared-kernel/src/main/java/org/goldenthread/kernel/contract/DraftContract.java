package org.goldenthread.kernel.contract;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.InvalidInput;
import org.goldenthread.kernel.Require;

/**
 * A commissioner drafts a contract with a provider for a service and period, linked to the programmes whose measures
 * its KPIs come from. An actual is due within {@code reportingWindowDays} (default {@value #DEFAULT_WINDOW}) after its
 * period ends; one reported later is shown late.
 */
public record DraftContract(
        @TargetAggregateIdentifier String contractId,
        String commissionerId,
        String providerId,
        String service,
        LocalDate periodStart,
        LocalDate periodEnd,
        List<String> programmeIds,
        Integer reportingWindowDays)
        implements org.goldenthread.kernel.ChangesAccess {

    public static final int DEFAULT_WINDOW = 30;

    public DraftContract {
        Require.id("contractId", contractId);
        Require.id("commissionerId", commissionerId);
        Require.id("providerId", providerId);
        service = Require.text("service", service, 300);
        Require.date("periodStart", periodStart);
        Require.date("periodEnd", periodEnd);
        if (!periodEnd.isAfter(periodStart)) {
            throw new InvalidInput("periodEnd", "periodEnd must be after periodStart");
        }
        programmeIds = List.copyOf(new java.util.LinkedHashSet<>(Require.ids("programmeIds", programmeIds)));
        reportingWindowDays = reportingWindowDays == null
                ? DEFAULT_WINDOW
                : Require.between("reportingWindowDays", reportingWindowDays, 0, 366);
    }
}
