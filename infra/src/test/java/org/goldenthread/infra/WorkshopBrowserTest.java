package org.goldenthread.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.goldenthread.infra.support.Api;
import org.goldenthread.infra.support.Browser;
import org.goldenthread.infra.support.RunningApp;
import org.goldenthread.infra.support.TestUsers;
import org.goldenthread.infra.support.Workshop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The workshop in real headless Chromium: a facilitator and two participants in three browser sessions, each signed
 * in through the sign-in page. The facilitator runs the card call (a theme from selected cards, a card dragged onto
 * a theme, a rename, a merge, a card parked with the keyboard's equivalent) while a participant's room view follows
 * without a reload; then a vote on phones (360 px): three votes, the fourth refused in words, a vote withdrawn, the
 * round closed and its ranking shown. Screenshots at 1280 and 360 px; axe-core finds no serious or critical
 * violation on any page; a signed-in user who is not a member sees nothing of the programme.
 */
class WorkshopBrowserTest {

    @TempDir
    Path data;

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private static <T> T until(WebDriver driver, Function<WebDriver, T> condition) {
        // the pages draw a board again after every change, so an element found a moment ago may be gone
        return new WebDriverWait(driver, PATIENCE)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition::apply);
    }

    /** Clicks the first element the selector finds, again if the page redrew it in between. */
    private static void click(WebDriver driver, By selector) {
        until(driver, d -> {
            List<WebElement> found = d.findElements(selector);
            if (found.isEmpty()) {
                return null;
            }
            found.get(0).click();
            return true;
        });
    }

    private static WebElement theme(WebDriver driver, String title) {
        return until(
                driver,
                d -> d.findElements(By.cssSelector("#themes .theme")).stream()
                        .filter(t -> t.findElement(By.cssSelector(".theme-title"))
                                .getText()
                                .startsWith(title))
                        .findFirst()
                        .orElse(null));
    }

    private static WebElement card(WebDriver driver, String text) {
        return until(
                driver,
                d -> d.findElements(By.cssSelector(".card")).stream()
                        .filter(c -> c.getText().contains(text))
                        .findFirst()
                        .orElse(null));
    }

    /** Serious and critical accessibility violations on the page as it stands. */
    private static List<String> serious(WebDriver driver) {
        Results results = new AxeBuilder().analyze(driver);
        List<String> found = new ArrayList<>();
        for (Rule r : results.getViolations()) {
            if ("serious".equals(r.getImpact()) || "critical".equals(r.getImpact())) {
                found.add(r.getId() + ": " + r.getHelp() + " " + r.getNodes().size() + " × "
                        + r.getNodes().get(0).getHtml());
            }
        }
        return found;
    }

    private Path screenshot(WebDriver driver, String name) throws Exception {
        byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Path out = Path.of("target", name + ".png");
        Files.createDirectories(out.getParent());
        Files.write(out, png);
        return out;
    }

    @Test
    void a_card_call_and_a_vote_in_three_browser_sessions() throws Exception {
        assumeTrue(
                Browser.available(),
                "Debian's chromium and chromium-driver are not installed here (.ci/run installs them)");
        try (RunningApp app = RunningApp.start(data, "goldenthread.read-store=memory")) {
            String base = "http://localhost:" + app.port();
            Api facilitatorApi = app.api("facilitator");
            Workshop w = Workshop.launch(facilitatorApi);
            w.participant("Pat", "PERSON", "participant");
            w.participant("Olu", "CARER_FAMILY", "outsider");
            List<String> s = new ArrayList<>();
            s.addAll(w.review("P-1", "NOT_WORKING", 1, "I feel lonely at weekends", "NOT_WORKING", 2, "Nobody visits"));
            s.addAll(w.review(
                    "P-2",
                    "NOT_WORKING",
                    1,
                    "I cannot get through on the phone",
                    "NOT_WORKING",
                    2,
                    "The bus does not stop near me"));
            s.addAll(w.review(
                    "P-3", "NOT_WORKING", 1, "Carers change every week", "NOT_WORKING", 2, "I have nobody to talk to"));
            s.addAll(w.review(
                    "P-4",
                    "NOT_WORKING",
                    1,
                    "Letters come too late",
                    "NOT_WORKING",
                    2,
                    "I wait hours for my medicine"));
            w.theme("NOT_WORKING", "I cannot reach anyone", List.of(s.get(2)));
            w.theme("NOT_WORKING", "Getting about is hard", List.of(s.get(3)));
            w.theme("NOT_WORKING", "The letters", List.of(s.get(6)));
            String boardPath = "/app/programmes/" + w.id + "/boards/NOT_WORKING";

            try (Browser fran = new Browser(1280, 1600);
                    Browser pat = new Browser(360, 800);
                    Browser olu = new Browser(360, 800)) {
                WebDriver f = fran.signIn(base, "facilitator", TestUsers.password("facilitator")).driver;
                WebDriver p = pat.signIn(base, "participant", TestUsers.password("participant")).driver;
                WebDriver o = olu.signIn(base, "outsider", TestUsers.password("outsider")).driver;

                // the programme list and the programme page
                until(p, d -> d.findElements(By.cssSelector("a.programme-link")).size() == 1);
                assertThat(serious(p)).as("programme list").isEmpty();
                p.findElement(By.cssSelector("a.programme-link")).click();
                until(p, d -> d.findElement(By.id("purpose")).getText().startsWith("We are using WTfC"));
                assertThat(serious(p)).as("programme page").isEmpty();

                // the room view on the participant's screen (the projector), the board on the facilitator's
                p.get(base + boardPath + "/room");
                until(p, d -> d.findElements(By.cssSelector(".room-theme")).size() == 3);
                assertThat(serious(p)).as("room view").isEmpty();
                f.get(base + boardPath);
                until(
                        f,
                        d -> d.findElements(By.cssSelector("#unclustered .card"))
                                        .size()
                                == 5);
                assertThat(serious(f)).as("board").isEmpty();

                // a theme from two selected cards
                card(f, "I feel lonely at weekends")
                        .findElement(By.cssSelector("input.select"))
                        .click();
                card(f, "I have nobody to talk to")
                        .findElement(By.cssSelector("input.select"))
                        .click();
                f.findElement(By.id("new-theme-title")).sendKeys("I am lonely");
                f.findElement(By.cssSelector("#new-theme button[type=submit]")).click();
                theme(f, "I am lonely");
                until(p, d -> d.findElements(By.cssSelector(".room-theme")).size() == 4);

                // a card dragged onto a theme
                WebElement nobody = card(f, "Nobody visits");
                WebElement target = theme(f, "I am lonely").findElement(By.cssSelector("ul.cards"));
                // as a hand does it: press, move a little (the drag starts), move over the theme, let go
                new Actions(f)
                        .moveToElement(nobody.findElement(By.cssSelector(".words")))
                        .clickAndHold()
                        .pause(Duration.ofMillis(150))
                        .moveByOffset(8, 8)
                        .pause(Duration.ofMillis(150))
                        .moveToElement(target)
                        .pause(Duration.ofMillis(150))
                        .moveByOffset(0, 6)
                        .pause(Duration.ofMillis(150))
                        .release()
                        .perform();
                until(f, d -> theme(d, "I am lonely").getText().contains("Nobody visits"));
                until(
                        p,
                        d -> d.findElements(By.cssSelector(".room-theme")).stream()
                                .anyMatch(t -> t.getText().contains("Nobody visits")));

                // a rename
                WebElement rename = theme(f, "The letters").findElement(By.cssSelector("form.rename input"));
                rename.clear();
                rename.sendKeys("Letters come too late for me");
                theme(f, "The letters")
                        .findElement(By.cssSelector("form.rename button"))
                        .click();
                theme(f, "Letters come too late for me");
                until(p, d -> d.getPageSource().contains("Letters come too late for me"));

                // a merge: a theme of one card, merged into "I am lonely"
                card(f, "Carers change every week")
                        .findElement(By.cssSelector("input.select"))
                        .click();
                WebElement title = f.findElement(By.id("new-theme-title"));
                title.clear();
                title.sendKeys("Carers keep changing");
                f.findElement(By.cssSelector("#new-theme button[type=submit]")).click();
                theme(f, "Carers keep changing");
                WebElement into = theme(f, "I am lonely");
                new Select(into.findElement(By.cssSelector("form.merge select")))
                        .selectByVisibleText("Carers keep changing");
                into.findElement(By.cssSelector("form.merge button")).click();
                until(
                        f,
                        d -> d.findElements(By.cssSelector("#themes .theme")).size() == 4
                                && theme(d, "I am lonely").getText().contains("Carers change every week"));

                // parked with the keyboard's equivalent of a drag: choose where, then Move
                WebElement medicine = card(f, "I wait hours for my medicine");
                new Select(medicine.findElement(By.cssSelector("select.move-to"))).selectByVisibleText("Parked");
                medicine.findElement(By.cssSelector("button.move")).sendKeys(org.openqa.selenium.Keys.ENTER);
                until(f, d -> d.findElement(By.id("parked")).getText().contains("I wait hours for my medicine"));
                until(p, d -> d.findElement(By.id("room-parked")).getText().equals("1"));
                assertThat(screenshot(f, "board-1280")).exists();
                assertThat(f.findElement(By.id("themes")).isDisplayed()).isTrue();

                // the vote: opened by the facilitator
                f.findElement(By.id("open-voting")).click();
                until(f, d -> d.getCurrentUrl().contains("/votings/"));
                String votingPath = f.getCurrentUrl().substring(base.length());
                p.get(base + votingPath);
                o.get(base + votingPath);
                until(p, d -> d.findElements(By.cssSelector("button.vote")).size() == 4);
                until(p, d -> d.findElement(By.id("remaining")).getText().contains("3 of 3"));
                assertThat(serious(p)).as("voting page").isEmpty();
                for (int i = 0; i < 3; i++) {
                    int left = 2 - i;
                    click(p, By.cssSelector("button.vote"));
                    until(p, d -> d.findElement(By.id("remaining")).getText().contains(left + " of 3"));
                }
                // the fourth vote is refused, in words
                click(p, By.cssSelector("button.vote"));
                String refusal = until(p, d -> {
                    List<WebElement> problems = d.findElements(By.cssSelector("#messages .problem"));
                    return problems.isEmpty() ? null : problems.get(0).getText();
                });
                assertThat(refusal).containsIgnoringCase("vote");
                assertThat(screenshot(p, "voting-360")).exists();
                assertThat(p.findElement(By.id("remaining")).isDisplayed()).isTrue();
                // withdrawn while open
                click(p, By.cssSelector("button.withdraw"));
                until(p, d -> d.findElement(By.id("remaining")).getText().contains("1 of 3"));
                // the other participant votes
                until(o, d -> d.findElements(By.cssSelector("button.vote")).size() == 4);
                click(o, By.cssSelector("button.vote"));
                until(o, d -> d.findElement(By.id("remaining")).getText().contains("2 of 3"));

                // closed by the facilitator: the ranking and the themes that go forward appear on the phones
                until(f, d -> d.findElement(By.id("close-voting")).isDisplayed());
                f.findElement(By.id("close-voting")).click();
                until(
                        p,
                        d -> d.findElement(By.id("results")).isDisplayed()
                                && d.findElement(By.id("results")).getText().contains("goes forward"));
                assertThat(p.findElements(By.cssSelector("button.vote"))).isEmpty();

                assertThat(fran.consoleErrors()).as("facilitator's console").isEmpty();
            }

            // a signed-in user who is not a member sees nothing of the programme
            try (Browser stranger = new Browser(1280, 800)) {
                WebDriver x = stranger.signIn(base, "facilitator2", TestUsers.password("facilitator2")).driver;
                until(x, d -> d.findElements(By.cssSelector("#programmes li")).size() == 1);
                assertThat(x.findElements(By.cssSelector("a.programme-link"))).isEmpty();
                x.get(base + boardPath);
                assertThat(x.getPageSource()).doesNotContain("I feel lonely").contains("404");
                x.get(base + "/login");
                assertThat(serious(x)).as("sign-in page").isEmpty();
            }
        }
    }

    @Test
    void the_thread_explorer_walks_from_an_action_plan_back_to_a_statements_words_and_forward_again() throws Exception {
        assumeTrue(
                Browser.available(),
                "Debian's chromium and chromium-driver are not installed here (.ci/run installs them)");
        try (RunningApp app = RunningApp.start(data, "goldenthread.read-store=memory")) {
            String base = "http://localhost:" + app.port();
            Workshop w = Workshop.launch(app.api("facilitator"));
            Workshop.Planned planned = w.toPlan();
            w.created(
                    "/ideas/" + planned.train() + "/action-plans",
                    Workshop.plan(
                            List.of(planned.measure()),
                            "Relationships in every plan",
                            List.of(java.util.Map.of("description", "All staff trained", "due", "2026-09-30"))),
                    "planId");
            try (Browser pat = new Browser(360, 900)) {
                WebDriver p = pat.signIn(base, "participant", TestUsers.password("participant")).driver;
                p.get(base + "/app/programmes/" + w.id);
                until(p, d -> d.findElement(By.id("thread-link"))).click();
                WebElement start = until(
                        p,
                        d -> d.findElements(By.cssSelector("a.walk.back")).stream()
                                .filter(a -> a.getText().startsWith("Action plan: Relationships in every plan"))
                                .findFirst()
                                .orElse(null));
                assertThat(serious(p)).as("thread explorer").isEmpty();
                start.click();
                // back from the plan, through the idea, the theme, to the words people said
                WebElement words = until(
                        p,
                        d -> d.findElements(By.cssSelector(".node-statement q.words")).stream()
                                .filter(q -> q.getText().contains("I have only one friend"))
                                .findFirst()
                                .orElse(null));
                assertThat(words.isDisplayed()).isTrue();
                assertThat(p.findElement(By.id("tree")).getText()).contains("Relationships in every plan");
                assertThat(serious(p)).as("thread, walked").isEmpty();
                assertThat(screenshot(p, "thread-360")).exists();
                // and forward from those words to what was done
                words.findElement(By.xpath("ancestor::li[1]//a[contains(@class,'forward')]"))
                        .click();
                until(p, d -> d.findElement(By.id("tree")).getText().contains("Relationships in every plan"));
                assertThat(pat.consoleErrors()).isEmpty();
            }
        }
    }

    @Test
    void collect_steps_four_to_eight_a_ballot_and_printable_cards_as_pages() throws Exception {
        assumeTrue(
                Browser.available(),
                "Debian's chromium and chromium-driver are not installed here (.ci/run installs them)");
        try (RunningApp app = RunningApp.start(data, "goldenthread.read-store=memory")) {
            String base = "http://localhost:" + app.port();
            Workshop w = Workshop.launch(app.api("facilitator"));
            Workshop.Planned planned = w.toPlan();
            String programme = base + "/app/programmes/" + w.id;
            try (Browser fran = new Browser(1280, 1400);
                    Browser pat = new Browser(360, 900)) {
                WebDriver f = fran.signIn(base, "facilitator", TestUsers.password("facilitator")).driver;
                WebDriver p = pat.signIn(base, "participant", TestUsers.password("participant")).driver;

                // collect: a review of three statements, then a CSV file whose bad lines are all listed
                f.get(programme + "/collect");
                f.findElement(By.id("person")).sendKeys("P-9");
                f.findElement(By.id("WORKING-1")).sendKeys("I like my garden");
                f.findElement(By.id("NOT_WORKING-1")).sendKeys("I never see my grandson");
                f.findElement(By.id("FUTURE-1")).sendKeys("I want to cook again");
                f.findElement(By.id("record")).click();
                until(f, d -> d.findElement(By.id("messages")).getText().contains("Recorded: 3 statements"));
                Path csv = Files.createTempFile(data, "statements", ".csv");
                Files.writeString(
                        csv,
                        "person,category,priority,text\nP-10,WORKING,1,I like the staff\n"
                                + "P-10,SOMETIMES,1,Bad category\nP-11,NOT_WORKING,7,Bad priority\n");
                f.findElement(By.id("csv-file")).sendKeys(csv.toAbsolutePath().toString());
                f.findElement(By.id("dry-run")).click();
                until(
                        f,
                        d -> d.findElements(By.cssSelector("table.errors tbody tr"))
                                        .size()
                                == 2);
                assertThat(f.findElement(By.id("import-result")).getText())
                        .contains("3")
                        .contains("4");
                assertThat(serious(f)).as("collect").isEmpty();

                // step 4: the whys asked of "I am lonely", with their causes; a new idea (step 6)
                f.get(programme + "/themes/" + planned.lonely());
                until(f, d -> d.findElement(By.id("whys")).getText().contains("Because staff are not trained to"));
                assertThat(f.findElement(By.id("theme-title")).getText()).isEqualTo("I am lonely");
                f.findElement(By.id("idea-text")).sendKeys("Peer support groups");
                new Select(f.findElement(By.id("idea-mode"))).selectByVisibleText("RADICAL");
                f.findElement(By.cssSelector("#add-idea button")).click();
                until(f, d -> d.findElement(By.id("ideas")).getText().contains("Peer support groups"));
                assertThat(serious(f)).as("theme work").isEmpty();

                // the participant places a chosen idea on the grid (the keyboard's way: numbers, then Place)
                p.get(programme + "/themes/" + planned.lonely());
                WebElement idea = until(
                        p,
                        d -> d.findElements(By.cssSelector(".idea.chosen")).stream()
                                .filter(e -> e.getText().contains("Befriending with the football club"))
                                .findFirst()
                                .orElse(null));
                int before = Integer.parseInt(idea.getText().replaceAll("(?s).*?(\\d+) placed.*", "$1"));
                new Select(idea.findElement(By.cssSelector("select[aria-label^='Effort']"))).selectByVisibleText("3");
                new Select(idea.findElement(By.cssSelector("select[aria-label^='Impact']"))).selectByVisibleText("8");
                idea.findElement(By.cssSelector("button")).click();
                until(p, d -> d.findElement(By.id("messages")).getText().isEmpty() ? null : true);
                assertThat(p.findElement(By.id("messages")).getText()).startsWith("Placed");
                until(
                        p,
                        d -> d.findElements(By.cssSelector(".idea")).stream()
                                .anyMatch(e -> e.getText().contains("Befriending with the football club")
                                        && e.getText().contains((before + 1) + " placed")));
                // an idea the vote did not choose is not offered for the grid
                assertThat(p.findElements(By.cssSelector(".idea")).stream()
                                .filter(e -> e.getText().contains("Peer support groups"))
                                .findFirst()
                                .orElseThrow()
                                .findElements(By.cssSelector("button")))
                        .isEmpty();
                assertThat(screenshot(p, "theme-work-360")).exists();

                // a ballot on the ideas, voted on the phone
                f.findElement(By.id("ballot-ideas")).click();
                until(f, d -> d.getCurrentUrl().contains("/ballots/"));
                p.get(f.getCurrentUrl());
                until(p, d -> d.findElement(By.id("heading")).getText().contains("ideas"));
                until(p, d -> !d.findElements(By.cssSelector("button.vote")).isEmpty());
                click(p, By.cssSelector("button.vote"));
                until(
                        p,
                        d -> d.findElement(By.id("remaining")).getText().contains("left")
                                && !d.findElements(By.cssSelector("button.withdraw"))
                                        .isEmpty());
                assertThat(serious(p)).as("ballot").isEmpty();

                // step 8: a process review and the report published
                f.get(programme + "/learn");
                f.findElement(By.id("review-working")).sendKeys("Everyone was heard");
                f.findElement(By.id("review-not-working")).sendKeys("Too little time");
                f.findElement(By.cssSelector("#process-review button")).click();
                until(f, d -> d.findElement(By.id("process-reviews")).getText().contains("Everyone was heard"));
                f.findElement(By.id("publish")).click();
                until(f, d -> !d.findElements(By.cssSelector("#report-link a")).isEmpty());
                assertThat(serious(f)).as("learning").isEmpty();

                // printable cards: one card per statement of the board, colour coded, each linking back
                f.get(programme + "/boards/NOT_WORKING/cards");
                until(f, d -> d.findElements(By.cssSelector(".print-card")).size() == 5);
                assertThat(f.findElement(By.cssSelector(".print-card a.code")).getAttribute("href"))
                        .contains("/thread?from=statement");
                assertThat(serious(f)).as("printable cards").isEmpty();
                // (the refused dry run is the one failed request the browser reports)
                assertThat(fran.consoleErrors().stream()
                                .filter(e -> !e.contains("/statements/import?dryRun=true"))
                                .toList())
                        .isEmpty();
            }
        }
    }
}
