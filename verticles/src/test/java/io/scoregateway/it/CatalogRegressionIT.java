package io.scoregateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.scoregateway.catalog.CatalogRefresher;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Redis loses its data under a serving gateway (here a FLUSHALL): the campaign version goes back,
 * and the gateway says so loudly, in an error log naming what was lost and in a counter an alert
 * watches, instead of one info line.
 */
class CatalogRegressionIT {
  @Test
  void aCatalogVersionGoingBackIsLoggedAsAnErrorAndCounted() throws Exception {
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    Logger logger = (Logger) LoggerFactory.getLogger(CatalogRefresher.class);
    logger.addAppender(log);
    try (TestGateway gw = TestGateway.start(1, null)) {
      gw.snapshot("s1", true, "t1", "", 0.5, "t2", "", 0.4);
      assertThat(gw.putCampaign("c1", TestGateway.campaign("t1")).statusCode()).isEqualTo(200);
      assertThat(gw.putCampaign("c2", TestGateway.campaign("t2")).statusCode()).isEqualTo(200);
      awaitCampaign(gw, "c2", true);
      long version = gw.engine.catalog().view().version();
      assertThat(version).isGreaterThanOrEqualTo(2);
      assertThat(gw.engine.catalog().regressions()).isZero();

      gw.redis.command("FLUSHALL");
      awaitCampaign(gw, "c2", false);
      // the refresher logs the regression just after it publishes the new view
      TestGateway.eventually(
          "the regression logged",
          () -> List.copyOf(log.list).stream().anyMatch(e -> e.getLevel() == Level.ERROR));

      assertThat(gw.engine.catalog().regressions()).isEqualTo(1);
      assertThat(gw.engine.telemetry().scrape().get())
          .contains("gateway_catalog_regressions_total 1.0");
      List<ILoggingEvent> errors =
          List.copyOf(log.list).stream().filter(e -> e.getLevel() == Level.ERROR).toList();
      assertThat(errors).hasSize(1);
      assertThat(errors.get(0).getFormattedMessage())
          .contains("went back from version " + version + " to 0")
          .contains("Redis lost its data");
    } finally {
      logger.detachAppender(log);
    }
  }

  private static void awaitCampaign(TestGateway gw, String id, boolean present) {
    TestGateway.eventually(
        id + (present ? " loaded" : " gone"),
        () -> (gw.engine.catalog().view().campaigns().byId(id) != null) == present);
  }
}
