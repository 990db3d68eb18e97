package io.scoregateway.loadtest;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scores, then reports the promoted answers that were played as POST /v1/deliveries: each promoted
 * result is delivered with probability {@code deliverShare} (default 0.5) under a unique event id,
 * and a {@code retryShare} (default 0.1) of the delivery calls is sent a second time with the same
 * ids, as a client retrying after a timeout would. Checks the first call counts every event ({@code
 * accepted}) and the retry counts none ({@code duplicates}). Mutates pacing state: run it on a
 * gateway whose campaigns you can spend.
 */
public class DeliverySimulation extends Simulation {
  private static final AtomicLong EVENT = new AtomicLong();
  private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

  private final LoadConfig cfg = new LoadConfig();
  private final Traffic traffic = new Traffic(cfg);
  private final double deliverShare = Double.parseDouble(System.getProperty("deliverShare", "0.5"));
  private final double retryShare = Double.parseDouble(System.getProperty("retryShare", "0.1"));

  {
    int seconds = cfg.durationOr(120);
    System.out.println(
        cfg.describe(
            "DeliverySimulation",
            String.format(
                "%.0f score req/s for %d s, deliver share %.2f, retry share %.2f",
                cfg.rate, seconds, deliverShare, retryShare)));
    setUp(
            scenario("score then deliver")
                .exec(traffic.score(true))
                .exec(this::deliveryBody)
                .doIf(s -> s.getInt("events") > 0)
                .then(
                    exec(
                        http("deliver")
                            .post("/v1/deliveries")
                            .body(StringBody("#{deliveries}"))
                            .check(
                                status().is(200),
                                jsonPath("$.accepted").ofInt().isEL("#{events}"),
                                jsonPath("$.duplicates").ofInt().is(0)),
                        doIf("#{retry}")
                            .then(
                                exec(
                                    http("deliver retry")
                                        .post("/v1/deliveries")
                                        .body(StringBody("#{deliveries}"))
                                        .check(
                                            status().is(200),
                                            jsonPath("$.accepted").ofInt().is(0),
                                            jsonPath("$.duplicates").ofInt().isEL("#{events}"))))))
                .injectOpen(LoadConfig.rampThenConstant(cfg, seconds))
                .andThen(Promotions.checkScenario(cfg).injectOpen(atOnceUsers(1))))
        .protocols(cfg.protocol())
        .assertions(cfg.assertions());
  }

  private Session deliveryBody(Session s) {
    List<List<String>> promoted = s.contains("promoted") ? s.getList("promoted") : List.of();
    ThreadLocalRandom r = ThreadLocalRandom.current();
    String ts = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    StringBuilder sb = new StringBuilder("{\"events\":[");
    int events = 0;
    for (List<String> p : promoted) {
      if (r.nextDouble() >= deliverShare) {
        continue;
      }
      sb.append(events++ == 0 ? "" : ",")
          .append("{\"id\":\"lt-")
          .append(RUN)
          .append('-')
          .append(EVENT.incrementAndGet())
          .append("\",\"user\":\"")
          .append(s.getString("user"))
          .append("\",\"track\":\"")
          .append(p.get(0))
          .append("\",\"campaign\":\"")
          .append(p.get(1))
          .append("\",\"surface\":\"")
          .append(s.getString("surface"))
          .append("\",\"ts\":\"")
          .append(ts)
          .append("\"}");
    }
    return s.set("deliveries", sb.append("]}").toString())
        .set("events", events)
        .set("retry", r.nextDouble() < retryShare);
  }

  @Override
  public void after() {
    System.out.println(Promotions.summary() + ", delivered events " + EVENT.get());
  }
}
