package io.scoregateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operations page in headless Chromium against a real gateway and Redis: the token flow (401
 * and 403 shown as such, the token kept for the tab), the campaigns table (states, sorting,
 * filtering), a campaign's charts holding one point per history slot and following new slots live,
 * snapshots, the gateway's health strip, no script or policy error in the console, and the
 * screenshot the README shows (docs/ops-page.png).
 */
class OpsPageBrowserIT {
  static final Path SCREENSHOT = Path.of("..", "docs", "ops-page.png");

  static OpsPageScene scene;
  static HeadlessChromium chromium;
  static ChromeDriver browser;

  @BeforeAll
  static void setUp() throws Exception {
    scene = OpsPageScene.start();
    scene.drive(24);
    chromium = HeadlessChromium.start(1440, 900);
    browser = chromium.driver;
  }

  @AfterAll
  static void tearDown() throws Exception {
    try {
      if (chromium != null) {
        chromium.close();
      }
    } finally {
      scene.close();
    }
  }

  static <T> T await(Function<WebDriver, T> condition) {
    return new WebDriverWait(browser, Duration.ofSeconds(15))
        .withMessage(OpsPageBrowserIT::pageState)
        .until(condition);
  }

  /** What the page shows, for a failed wait's message. */
  static String pageState() {
    return "auth "
        + byId("auth").getAttribute("data-state")
        + ", error '"
        + byId("error").getText()
        + "', delivery points "
        + byId("chart-delivery").getAttribute("data-points")
        + ", pass points "
        + byId("chart-pass").getAttribute("data-points")
        + ", console "
        + browser.manage().logs().get(LogType.BROWSER).getAll();
  }

  static WebElement byId(String id) {
    return browser.findElement(By.id(id));
  }

  static List<WebElement> rows() {
    return browser.findElements(By.cssSelector("#campaigns tbody tr"));
  }

  static List<String> rowIds() {
    return rows().stream().map(r -> r.getAttribute("data-campaign-id")).toList();
  }

  static void enterToken(String token) {
    WebElement input = byId("token");
    input.clear();
    input.sendKeys(token);
    browser.findElement(By.cssSelector("#auth-form button[type=submit]")).click();
  }

  static void awaitAuthState(String state) {
    await(d -> state.equals(byId("auth").getAttribute("data-state")));
  }

  @Test
  void thePageShowsPacingAndHealthOnceGivenAnAdminToken() throws Exception {
    String page = "http://127.0.0.1:" + scene.gw.adminPort + "/ui/?poll=500";
    browser.get(page);

    // no token: the data calls answer 401 and the page asks for one, showing no data
    awaitAuthState("required");
    assertThat(byId("auth").isDisplayed()).isTrue();
    assertThat(byId("main").isDisplayed()).isFalse();
    assertThat(byId("auth-title").getText()).isEqualTo("Admin token required");

    enterToken("not-a-token");
    awaitAuthState("invalid");
    assertThat(byId("auth-message").getText()).contains("401");

    enterToken(OpsPageScene.PARTNER);
    awaitAuthState("forbidden");
    assertThat(byId("auth-message").getText()).contains("403").contains("admin role");

    enterToken(OpsPageScene.ADMIN);
    awaitAuthState("ok");
    await(d -> rows().size() == OpsPageScene.CAMPAIGNS.size());
    assertThat(byId("auth").isDisplayed()).isFalse();

    // the table: every campaign with the state the API gives it, sorted by id at first
    JsonArray listed = scene.admin("GET", "/admin/v1/campaigns", null).getJsonArray("campaigns");
    assertThat(rowIds()).isEqualTo(OpsPageScene.CAMPAIGNS.stream().sorted().toList());
    for (Object o : listed) {
      JsonObject c = (JsonObject) o;
      WebElement row = row(c.getString("id"));
      assertThat(row.getAttribute("data-state")).isEqualTo(c.getString("state"));
      assertThat(row.findElement(By.cssSelector(".badge")).getText())
          .isEqualTo(c.getString("state"));
    }
    assertThat(row("evening-drive").getAttribute("data-state")).isEqualTo("paused");
    assertThat(row("winter-teaser").getAttribute("data-state")).isEqualTo("scheduled");
    assertThat(row("summer-recap").getAttribute("data-state")).isEqualTo("ended");
    assertThat(row("catalog-push").getAttribute("data-state")).isEqualTo("exhausted");
    assertThat(row("podcast-promo").getAttribute("data-state")).isEqualTo("behind");
    assertThat(row("catalog-push").getText()).contains("150 / 150");

    // sorting by progress, highest first, then back to lowest first
    header("progress").click();
    await(d -> "descending".equals(th("progress").getAttribute("aria-sort")));
    assertThat(rowIds().get(0)).isEqualTo("catalog-push");
    header("progress").click();
    await(d -> "ascending".equals(th("progress").getAttribute("aria-sort")));
    assertThat(rowIds().get(rowIds().size() - 1)).isEqualTo("catalog-push");

    // filtering by text and by state
    byId("filter").sendKeys("push");
    await(d -> rowIds().equals(List.of("catalog-push")));
    assertThat(byId("c-count").getText()).isEqualTo("(1 of 6)");
    byId("filter").sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    await(d -> rows().size() == 6);
    new Select(byId("state-filter")).selectByVisibleText("paused");
    await(d -> rowIds().equals(List.of("evening-drive")));
    new Select(byId("state-filter")).selectByVisibleText("all states");
    await(d -> rows().size() == 6);

    // a campaign's charts: one point per slot of its history
    row(OpsPageScene.MAIN).click();
    int slots = scene.history().getJsonArray("slots").size();
    assertThat(slots).isGreaterThanOrEqualTo(24);
    awaitPoints("chart-delivery", slots);
    awaitPoints("chart-pass", slots);
    assertThat(byId("d-title").getText()).isEqualTo(OpsPageScene.MAIN);
    assertThat(byId("d-summary").getText()).contains(slots + " slots of 60 s");
    for (String chart : List.of("chart-delivery", "chart-pass")) {
      WebElement canvas = byId(chart).findElement(By.tagName("canvas"));
      assertThat(canvas.getSize().getWidth()).as(chart).isGreaterThan(300);
      assertThat(canvas.getSize().getHeight()).as(chart).isGreaterThan(100);
    }
    assertThat(row(OpsPageScene.MAIN).getAttribute("aria-selected")).isEqualTo("true");

    // live: two more slots reach the open page without a reload
    scene.drive(2);
    int more = scene.history().getJsonArray("slots").size();
    assertThat(more).isEqualTo(slots + 2);
    awaitPoints("chart-delivery", more);
    awaitPoints("chart-pass", more);

    // snapshots, the active one first and marked
    List<WebElement> snaps = browser.findElements(By.cssSelector("#snapshots tbody tr"));
    assertThat(snaps).hasSize(2);
    assertThat(snaps.get(0).getAttribute("data-snapshot-id")).isEqualTo("scores-2026-11-28");
    assertThat(snaps.get(0).getAttribute("class")).contains("active");
    assertThat(byId("s-active").getText()).isEqualTo("(active: scores-2026-11-28)");

    // the gateway's own health, from /health/ready and /metrics
    // (awaited: on a loaded machine a stalled Redis call may flip readiness for a moment)
    await(d -> byId("g-rate").getText().endsWith("/s"));
    await(d -> byId("g-ready").getText().equals("ready"));
    assertThat(byId("g-ready").getAttribute("data-level")).isEqualTo("ok");
    await(d -> byId("g-breaker").getText().equals("closed"));
    assertThat(byId("g-p99").getText()).endsWith("ms");
    assertThat(byId("g-degraded").getText()).startsWith("0.00%");

    saveScreenshot();

    // the token is kept for the tab: a reload shows the data straight away
    browser.navigate().refresh();
    awaitAuthState("ok");
    awaitPoints("chart-delivery", more);

    List<String> problems =
        browser.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
            .map(LogEntry::getMessage)
            // answers the page handles (the token flow's 401 and 403, a moment of 503 from
            // readiness) are logged too: only script errors and policy violations count here
            .filter(m -> !m.contains("Failed to load resource"))
            .toList();
    assertThat(problems).as("script errors or policy violations").isEmpty();
  }

  static WebElement row(String id) {
    return browser.findElement(
        By.cssSelector("#campaigns tbody tr[data-campaign-id='" + id + "']"));
  }

  static WebElement th(String key) {
    return browser.findElement(By.cssSelector("#campaigns th[data-sort='" + key + "']"));
  }

  static WebElement header(String key) {
    return th(key).findElement(By.tagName("button"));
  }

  static void awaitPoints(String chart, int points) {
    await(d -> String.valueOf(points).equals(byId(chart).getAttribute("data-points")));
  }

  static void saveScreenshot() throws Exception {
    assertThat(SCREENSHOT.getParent()).as("the project's docs folder").isDirectory();
    Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
    assertThat(Files.size(SCREENSHOT)).isGreaterThan(20_000);
  }
}
