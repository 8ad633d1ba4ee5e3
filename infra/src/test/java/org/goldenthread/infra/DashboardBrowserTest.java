package org.goldenthread.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.goldenthread.infra.support.Api;
import org.goldenthread.infra.support.Browser;
import org.goldenthread.infra.support.RunningApp;
import org.goldenthread.infra.support.TestUsers;
import org.goldenthread.infra.support.Workshop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The KPI dashboard for people, opened in real headless Chromium: a chart per KPI, drawn and of a real size, a
 * screenshot taken, no console errors (a refused resource or a CSP violation would be one); the same dashboard as a
 * PDF that holds the KPIs' names, and as CSV.
 */
class DashboardBrowserTest {

    @TempDir
    Path data;

    static final LocalDate START = LocalDate.now(ZoneOffset.UTC).minusMonths(9).withDayOfMonth(1);

    static Map<String, Object> kpi(String name, String target, String direction, String level) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("kind", "QUANTITATIVE");
        body.put("unit", "%");
        body.put("baseline", Map.of("value", "40", "date", START.toString(), "source", "reviews"));
        body.put("target", target);
        body.put("direction", direction);
        body.put("tolerance", 5.0);
        body.put("cadence", "QUARTERLY");
        body.put("level", level);
        body.put("justification", "agreed with the people's panel");
        return body;
    }

    @Test
    void the_dashboard_page_draws_a_chart_per_kpi_in_chromium_and_its_pdf_and_csv_hold_the_kpis() throws Exception {
        assumeTrue(
                Browser.available(),
                "Debian's chromium and chromium-driver are not installed here (.ci/run installs them)");
        try (RunningApp app = RunningApp.start(data, "goldenthread.read-store=memory")) {
            Api facilitator = app.api("facilitator");
            Workshop w = Workshop.launch(facilitator);
            Api admin = facilitator.as("admin");
            Api cat = facilitator.as("commissioner");
            Api pat = facilitator.as("provider");
            String council = admin.post("/api/organisations", Map.of("name", "Test Council", "kind", "COMMISSIONING"))
                    .json()
                    .get("organisationId")
                    .asText();
            String care = admin.post("/api/organisations", Map.of("name", "Test Care Ltd", "kind", "PROVIDER"))
                    .json()
                    .get("organisationId")
                    .asText();
            admin.put("/api/organisations/" + council + "/users/commissioner", Map.of("reason", "lead"));
            admin.put("/api/organisations/" + care + "/users/provider", Map.of("reason", "manager"));
            String contract = cat.post(
                            "/api/contracts",
                            Map.of(
                                    "commissionerId",
                                    council,
                                    "providerId",
                                    care,
                                    "service",
                                    "Home support",
                                    "periodStart",
                                    START.toString(),
                                    "periodEnd",
                                    START.plusYears(1).minusDays(1).toString(),
                                    "programmeIds",
                                    List.of(w.id)))
                    .json()
                    .get("contractId")
                    .asText();
            String c = "/api/contracts/" + contract;
            List<String> names = List.of("People seeing a friend every week", "Visits missed");
            String k1 = cat.post(c + "/kpis", kpi(names.get(0), "60", "INCREASE", "OUTCOME"))
                    .json()
                    .get("kpiId")
                    .asText();
            String k2 = cat.post(c + "/kpis", kpi(names.get(1), "10", "DECREASE", "INPUT"))
                    .json()
                    .get("kpiId")
                    .asText();
            assertThat(pat.post(c + "/agreement", Map.of()).status()).isEqualTo(204);
            assertThat(cat.post(c + "/activation", null).status()).isEqualTo(204);
            String[][] reports = {{k1, "0", "48"}, {k1, "3", "55"}, {k2, "0", "14"}, {k2, "3", "11"}};
            for (String[] r : reports) {
                assertThat(pat.post(
                                        c + "/kpis/" + r[0] + "/actuals",
                                        Map.of(
                                                "periodStart",
                                                START.plusMonths(Long.parseLong(r[1]))
                                                        .toString(),
                                                "value",
                                                r[2]))
                                .status())
                        .isEqualTo(204);
            }
            app.readFromHead();
            assertThat(cat.get(c + "/dashboard").json().get("kpis").size()).isEqualTo(2);

            try (Browser browser = new Browser("commissioner", TestUsers.password("commissioner"))) {
                browser.driver.get("http://localhost:" + app.port() + c + "/dashboard.html");
                new WebDriverWait(browser.driver, java.time.Duration.ofSeconds(20))
                        .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("figure.kpi-chart svg"), 2));
                List<WebElement> charts = browser.driver.findElements(By.cssSelector("figure.kpi-chart svg"));
                assertThat(charts).hasSize(2);
                for (WebElement chart : charts) {
                    assertThat(chart.isDisplayed()).isTrue();
                    assertThat(chart.getSize().getWidth()).isGreaterThan(100);
                    assertThat(chart.getSize().getHeight()).isGreaterThan(50);
                    assertThat(chart.findElements(By.cssSelector("path, line, rect")))
                            .isNotEmpty();
                }
                assertThat(browser.driver.findElements(By.cssSelector("figure.kpi-chart")))
                        .extracting(f -> f.getAttribute("data-kpi"))
                        .containsExactly(k1, k2);
                assertThat(browser.driver.findElement(By.tagName("body")).getText())
                        .contains(names.get(0), names.get(1), "AT_RISK");
                byte[] png = browser.driver.getScreenshotAs(OutputType.BYTES);
                Path shot = Path.of("target", "dashboard-browser.png");
                Files.createDirectories(shot.getParent());
                Files.write(shot, png);
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
                assertThat(image.getWidth()).isGreaterThan(0);
                assertThat(image.getHeight()).isGreaterThan(0);
                assertThat(browser.consoleErrors()).isEmpty();
            }

            java.net.http.HttpResponse<byte[]> pdf = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                            "http://127.0.0.1:" + app.port() + c + "/dashboard.pdf"))
                                    .header(
                                            "Authorization",
                                            "Basic "
                                                    + java.util.Base64.getEncoder()
                                                            .encodeToString(("commissioner:"
                                                                            + TestUsers.password("commissioner"))
                                                                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
            try (PDDocument document = Loader.loadPDF(pdf.body())) {
                String text = new PDFTextStripper().getText(document);
                assertThat(text).contains(names.get(0), names.get(1));
                int drawn = 0;
                for (var page : document.getPages()) {
                    for (var name : page.getResources().getXObjectNames()) {
                        drawn += page.getResources().getXObject(name)
                                        instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject
                                ? 1
                                : 0;
                    }
                }
                assertThat(drawn)
                        .as("charts drawn into the PDF as vector forms")
                        .isGreaterThanOrEqualTo(2);
            }

            Api.Response csv = cat.get(c + "/dashboard.csv");
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.body().lines().toList())
                    .hasSize(5)
                    .first()
                    .asString()
                    .startsWith("kpiId,kpi,level,unit,periodStart");
            assertThat(csv.body()).contains(names.get(0) + ",OUTCOME,%," + START);
        }
    }
}
