package org.goldenthread.infra.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.goldenthread.kernel.contract.DashboardView;
import org.goldenthread.kernel.contract.DashboardView.KpiPanel;
import org.goldenthread.kernel.contract.DashboardView.Point;
import org.goldenthread.kernel.implement.Reading;
import org.goldenthread.kernel.success.MeasureKind;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * A KPI's chart as SVG, drawn by JFreeChart (LGPL) onto Apache Batik's SVG generator (Batik is already here: the
 * PDF renderer draws inline SVG with it; JFreeSVG, the other choice, is GPL), so the page and the PDF show the same
 * chart: the target in force for each period with its tolerance band, the actuals, and the baseline as a line. A
 * qualitative KPI's chart marks the periods reported. Pure: the same panel draws the same SVG.
 */
public final class KpiCharts {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 240;

    private static final Color TARGET = new Color(0x7a, 0x5c, 0x00);
    /** Opaque: a translucent band becomes a group opacity, which the PDF renderer's SVG drawer cannot paint. */
    private static final Color BAND = new Color(0xf2, 0xe6, 0xbf);

    private static final Color ACTUAL = new Color(0x1f, 0x5f, 0xa8);
    private static final Color BASELINE = new Color(0x55, 0x55, 0x55);

    private KpiCharts() {}

    /** The chart of one KPI over the contract's periods, as an {@code <svg>} element with this id. */
    public static String svg(DashboardView dashboard, KpiPanel kpi, String id) {
        JFreeChart chart = kpi.kind() == MeasureKind.QUANTITATIVE ? quantitative(dashboard, kpi) : qualitative(kpi);
        chart.setAntiAlias(true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        return svg(chart, id);
    }

    /** Draws the chart onto Batik's SVG generator and answers the {@code <svg>} element alone, with this id. */
    static String svg(JFreeChart chart, String id) {
        org.w3c.dom.Document document = org.apache.batik.dom.GenericDOMImplementation.getDOMImplementation()
                .createDocument(org.apache.batik.util.SVGConstants.SVG_NAMESPACE_URI, "svg", null);
        org.apache.batik.svggen.SVGGraphics2D g = new org.apache.batik.svggen.SVGGraphics2D(document);
        g.setSVGCanvasSize(new java.awt.Dimension(WIDTH, HEIGHT));
        chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        org.w3c.dom.Element root = g.getRoot();
        root.setAttribute("id", id);
        root.setAttribute("viewBox", "0 0 " + WIDTH + " " + HEIGHT);
        root.setAttribute("role", "img");
        try {
            javax.xml.transform.Transformer out =
                    javax.xml.transform.TransformerFactory.newInstance().newTransformer();
            out.setOutputProperty(javax.xml.transform.OutputKeys.OMIT_XML_DECLARATION, "yes");
            java.io.StringWriter text = new java.io.StringWriter();
            out.transform(
                    new javax.xml.transform.dom.DOMSource(root), new javax.xml.transform.stream.StreamResult(text));
            return text.toString();
        } catch (javax.xml.transform.TransformerException e) {
            throw new IllegalStateException("the chart could not be written as SVG", e);
        }
    }

    private static double x(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private static JFreeChart quantitative(DashboardView dashboard, KpiPanel kpi) {
        YIntervalSeries band = new YIntervalSeries("target ± tolerance");
        double currentTarget = number(kpi.target());
        double currentTolerance = kpi.tolerance() == null ? 0 : kpi.tolerance();
        List<org.goldenthread.kernel.contract.Cadence.Period> periods =
                kpi.cadence().periods(dashboard.periodStart(), dashboard.periodEnd());
        for (org.goldenthread.kernel.contract.Cadence.Period p : periods) {
            Point reported = kpi.series().stream()
                    .filter(s -> s.periodStart().equals(p.start()))
                    .findFirst()
                    .orElse(null);
            double target = reported == null ? currentTarget : number(reported.target());
            double tolerance =
                    reported == null || reported.tolerance() == null ? currentTolerance : reported.tolerance();
            band.add(x(p.start()), target, target - tolerance, target + tolerance);
            band.add(x(p.end()), target, target - tolerance, target + tolerance);
        }
        YIntervalSeriesCollection targets = new YIntervalSeriesCollection();
        targets.addSeries(band);

        TimeSeries actuals = new TimeSeries("actual");
        for (Point p : kpi.series()) {
            if (p.number() != null) {
                LocalDate end = p.periodEnd();
                actuals.addOrUpdate(new Day(end.getDayOfMonth(), end.getMonthValue(), end.getYear()), p.number());
            }
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart(
                null, null, kpi.unit() == null ? null : kpi.unit(), targets, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        DeviationRenderer bandRenderer = new DeviationRenderer(true, false);
        bandRenderer.setSeriesPaint(0, TARGET);
        bandRenderer.setSeriesFillPaint(0, BAND);
        bandRenderer.setAlpha(1f);
        bandRenderer.setSeriesStroke(0, new BasicStroke(1.5f));
        plot.setRenderer(0, bandRenderer);
        plot.setDataset(1, new TimeSeriesCollection(actuals));
        XYLineAndShapeRenderer actualRenderer = new XYLineAndShapeRenderer(true, true);
        actualRenderer.setSeriesPaint(0, ACTUAL);
        actualRenderer.setSeriesStroke(0, new BasicStroke(2f));
        plot.setRenderer(1, actualRenderer);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD); // actuals over the band
        Double baseline = new Reading(kpi.baseline().value(), null, null).numeric();
        if (baseline != null) {
            ValueMarker marker = new ValueMarker(baseline);
            marker.setPaint(BASELINE);
            marker.setAlpha(1f);
            marker.setStroke(
                    new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
            marker.setLabel("baseline " + kpi.baseline().value());
            marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
            marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addRangeMarker(marker);
        }
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setAutoRangeIncludesZero(false);
        double low = baseline == null ? Double.MAX_VALUE : baseline;
        double high = baseline == null ? -Double.MAX_VALUE : baseline;
        for (int i = 0; i < band.getItemCount(); i++) {
            low = Math.min(low, band.getYLowValue(i));
            high = Math.max(high, band.getYHighValue(i));
        }
        for (Point p : kpi.series()) {
            if (p.number() != null) {
                low = Math.min(low, p.number());
                high = Math.max(high, p.number());
            }
        }
        if (low <= high) {
            double pad = Math.max(1, (high - low) * 0.1);
            range.setRange(low - pad, high + pad);
        }
        ((DateAxis) plot.getDomainAxis()).setDateFormatOverride(new java.text.SimpleDateFormat("MMM yy"));
        return chart;
    }

    private static JFreeChart qualitative(KpiPanel kpi) {
        TimeSeries reported = new TimeSeries("reported (qualitative: see the evidence)");
        for (Point p : kpi.series()) {
            LocalDate end = p.periodEnd();
            reported.addOrUpdate(new Day(end.getDayOfMonth(), end.getMonthValue(), end.getYear()), 1);
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart(
                null, null, null, new TimeSeriesCollection(reported), true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesPaint(0, ACTUAL);
        plot.setRenderer(renderer);
        plot.getRangeAxis().setVisible(false);
        plot.getRangeAxis().setRange(0, 2);
        ((DateAxis) plot.getDomainAxis()).setDateFormatOverride(new java.text.SimpleDateFormat("MMM yy"));
        return chart;
    }

    private static double number(String value) {
        Double n = new Reading(value, null, null).numeric();
        return n == null ? 0 : n;
    }
}
