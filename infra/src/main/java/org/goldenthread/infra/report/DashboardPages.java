package org.goldenthread.infra.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.goldenthread.kernel.contract.DashboardView;
import org.goldenthread.kernel.contract.DashboardView.KpiPanel;
import org.goldenthread.kernel.contract.DashboardView.Point;
import org.springframework.stereotype.Component;

/**
 * The contract KPI dashboard for people: a page with a chart per KPI ({@link KpiCharts}), the same page as PDF
 * (the charts are the page's inline SVG, drawn again by the PDF renderer), and every series as CSV.
 */
@Component
public class DashboardPages {

    static final String TEMPLATE = "contract-dashboard";

    private final ReportRenderer renderer;

    public DashboardPages(ReportRenderer renderer) {
        this.renderer = renderer;
    }

    /**
     * The page as well-formed XHTML. {@code base} is the dashboard's address (the PDF and CSV links add their suffix
     * and {@code query}).
     */
    public String html(DashboardView d, String commissioner, String provider, String base, String query) {
        Map<String, String> charts = new LinkedHashMap<>();
        int i = 0;
        for (KpiPanel k : d.kpis()) {
            charts.put(k.kpiId(), KpiCharts.svg(d, k, "kpi-chart-" + (++i)));
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("d", d);
        variables.put("charts", charts);
        variables.put("commissioner", commissioner);
        variables.put("provider", provider);
        variables.put("base", base);
        variables.put("query", query);
        return renderer.render(TEMPLATE, variables);
    }

    public byte[] pdf(DashboardView d, String commissioner, String provider, String base, String query) {
        return renderer.pdf(html(d, commissioner, provider, base, query));
    }

    /** Every KPI's series, a row per period reported, each judged against the version in force for it. */
    public String csv(DashboardView d) {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader(
                        "kpiId",
                        "kpi",
                        "level",
                        "unit",
                        "periodStart",
                        "periodEnd",
                        "value",
                        "target",
                        "tolerance",
                        "version",
                        "variancePercent",
                        "status",
                        "late",
                        "dueBy",
                        "reportedAt")
                .get();
        try (CSVPrinter csv = new CSVPrinter(out, format)) {
            for (KpiPanel k : d.kpis()) {
                for (Point p : k.series()) {
                    csv.printRecord(
                            k.kpiId(),
                            cell(k.name()),
                            k.level(),
                            k.unit(),
                            p.periodStart(),
                            p.periodEnd(),
                            cell(p.value()),
                            cell(p.target()),
                            p.tolerance(),
                            p.version(),
                            p.variancePercent(),
                            p.status(),
                            p.late(),
                            p.dueBy(),
                            p.reportedAt());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Words as a spreadsheet will not run them: a text starting with {@code = + - @}, a tab or a carriage return (and
     * not a plain number) is prefixed with a quote mark.
     */
    public static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        boolean number = text.matches("[+-]?[0-9]+(\\.[0-9]+)?");
        return !number && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
