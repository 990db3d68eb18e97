package io.scoregateway.loadtest;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The recommender's score traffic: a listener from the users feeder, a batch of candidates drawn
 * from the track catalog, {@code max_promoted} slots, a share of NDJSON requests. Checks every
 * answer has one result per candidate and counts its promoted results ({@link Promotions}).
 */
final class Traffic {
  /**
   * Market and surface mix of generated listeners; demo campaigns include US-only and radio-only
   * ones.
   */
  static final String[] MARKETS = {"SE", "SE", "SE", "US", "US", "US", "GB", "DE", "BR", "JP"};

  private static final Pattern PROMOTED =
      Pattern.compile(
          "\\{\"track\":\"([^\"]+)\",\"promoted\":true,\"score\":[^,]+,\"campaign\":\"([^\"]+)\"");

  final LoadConfig cfg;
  final BatchMix mix;
  final String[] catalog;

  Traffic(LoadConfig cfg) {
    this.cfg = cfg;
    this.mix = BatchMix.of(cfg.batchMix);
    this.catalog = loadCatalog(cfg);
    if (cfg.ndjsonShare < 0 || cfg.ndjsonShare > 1) {
      throw new IllegalArgumentException("-DndjsonShare must be within 0..1");
    }
  }

  /**
   * A listener: user, market, surface, segment, from users.csv when there is one, else generated.
   */
  ChainBuilder feedUser() {
    Path users = feederFile("users.csv");
    if (users != null) {
      return feed(csv(users.toString()).random());
    }
    Iterator<Map<String, Object>> generated =
        Stream.generate(
                () -> {
                  ThreadLocalRandom r = ThreadLocalRandom.current();
                  int u = r.nextInt(cfg.users);
                  return Map.<String, Object>of(
                      "user",
                      "u-" + u,
                      "market",
                      MARKETS[u % MARKETS.length],
                      "surface",
                      u % 10 < 7 ? "autoplay" : "radio",
                      "segment",
                      "s" + (u % 8));
                })
            .iterator();
    return feed(generated);
  }

  /** Feeds a listener, then sends one score request (JSON, or NDJSON for the configured share). */
  ChainBuilder score(boolean capturePromoted) {
    return feedUser()
        .exec(
            session -> {
              int batch = mix.next();
              return session
                  .set("batch", batch)
                  .set("body", body(session, batch))
                  .set("ndjson", ThreadLocalRandom.current().nextDouble() < cfg.ndjsonShare);
            })
        .exec(
            doIfOrElse("#{ndjson}")
                .then(
                    exec(
                        request("score ndjson", "application/x-ndjson", false)
                            .check(substring("{\"done\":true").exists().name("final done line"))))
                .orElse(exec(request("score", "application/json", capturePromoted))));
  }

  private HttpRequestActionBuilder request(String name, String accept, boolean capturePromoted) {
    HttpRequestActionBuilder req =
        http(name)
            .post("/v1/scores")
            .header("Accept", accept)
            .body(StringBody("#{body}"))
            .check(
                status().is(200),
                bodyString()
                    .transform(Traffic::recordAnswer)
                    .isEL("#{batch}")
                    .name("one result per candidate"));
    if (cfg.deadlineMs > 0) {
      req = req.header("X-Request-Timeout-Ms", String.valueOf(cfg.deadlineMs));
    }
    if (capturePromoted) {
      req = req.check(bodyString().transform(Traffic::promotedPairs).saveAs("promoted"));
    }
    return req;
  }

  private String body(Session s, int batch) {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    StringBuilder sb = new StringBuilder(32 + batch * 10);
    sb.append("{\"user\":\"")
        .append(s.getString("user"))
        .append("\",\"surface\":\"")
        .append(s.getString("surface"))
        .append("\",\"market\":\"")
        .append(s.getString("market"))
        .append('"');
    String segment = s.getString("segment");
    if (segment != null && !segment.isEmpty() && !segment.equals("default")) {
      sb.append(",\"segment\":\"").append(segment).append('"');
    }
    sb.append(",\"max_promoted\":").append(cfg.maxPromoted).append(",\"candidates\":[");
    for (int i = 0; i < batch; i++) {
      sb.append(i == 0 ? "\"" : ",\"").append(catalog[r.nextInt(catalog.length)]).append('"');
    }
    return sb.append("]}").toString();
  }

  /**
   * Counts results, promoted results and the degraded flag of a JSON or NDJSON answer; returns the
   * result count.
   */
  static int recordAnswer(String body) {
    int results = count(body, "{\"track\":");
    int promoted = count(body, "\"promoted\":true");
    Promotions.record(promoted, results, body.contains("\"degraded\":true"));
    return results;
  }

  /** The promoted (track, campaign) pairs of a JSON answer. */
  static List<List<String>> promotedPairs(String body) {
    List<List<String>> out = new ArrayList<>();
    Matcher m = PROMOTED.matcher(body);
    while (m.find()) {
      out.add(List.of(m.group(1), m.group(2)));
    }
    return out;
  }

  private static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + needle.length())) {
      n++;
    }
    return n;
  }

  private Path feederFile(String name) {
    if (cfg.feeders.isEmpty()) {
      return null;
    }
    Path p = Path.of(cfg.feeders, name).toAbsolutePath();
    if (!Files.isRegularFile(p)) {
      throw new IllegalArgumentException(
          "-Dfeeders="
              + cfg.feeders
              + ": no "
              + name
              + " (write it with: score-gateway.jar demo-data --feeders DIR)");
    }
    return p;
  }

  private String[] loadCatalog(LoadConfig cfg) {
    Path tracks = feederFile("tracks.csv");
    if (tracks == null) {
      String[] out = new String[cfg.tracks];
      for (int i = 0; i < out.length; i++) {
        out[i] = "t" + i;
      }
      return out;
    }
    try (Stream<String> lines = Files.lines(tracks)) {
      return lines
          .skip(1)
          .map(l -> l.split(",", 2)[0])
          .filter(t -> !t.isBlank())
          .toArray(String[]::new);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
