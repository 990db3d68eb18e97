package io.scoregateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoregateway.config.ExposureConfig;
import io.scoregateway.config.MeasurementConfig;
import io.scoregateway.devkafka.LocalKafka;
import io.scoregateway.exposure.ExposureMessages;
import io.scoregateway.exposure.v2.ExposureBatch;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The exposure log against a real Kafka broker (KRaft, in this JVM): every enrolled decision of
 * every answer arrives on the topic exactly once with the inputs it was decided from; while the
 * broker is down answers stay 200 and on time and the records that do not fit are dropped and
 * counted; once it is back, records flow again.
 */
class ExposureKafkaIT {
  static final String TOPIC = "exposures";
  static final int BUFFER = 200;
  static final int PARTITIONS = 3;
  static final List<String> CANDIDATES = List.of("t1", "t2", "t3", "t4", "t5");

  static LocalKafka kafka;
  static TestGateway gw;

  @BeforeAll
  static void setUp() throws Exception {
    kafka = LocalKafka.start();
    kafka.createTopic(TOPIC, PARTITIONS);
    gw =
        TestGateway.startMeasuring(
            2,
            MeasurementConfig.DEFAULTS.withExposure(
                ExposureConfig.kafka(
                    kafka.bootstrapServers(), TOPIC, ExposureConfig.KafkaFormat.PROTOBUF, BUFFER)));
    gw.snapshot("s1", true, "t1", "", 0.3, "t2", "", 0.6, "t3", "", 0.5, "t5", "", 0.4);
    // c1 promotes (asap), c2 holds out half its listeners, c3 (even, fresh) is mostly paced
    assertThat(
            gw.putCampaign("c1", TestGateway.campaign("t1", "t2").put("budget", 1_000_000_000))
                .statusCode())
        .isEqualTo(200);
    assertThat(
            gw.putCampaign(
                    "c2",
                    TestGateway.campaign("t3")
                        .put("budget", 1_000_000_000)
                        .put("holdout", new JsonObject().put("share", 0.5)))
                .statusCode())
        .isEqualTo(200);
    assertThat(
            gw.putCampaign(
                    "c3", TestGateway.campaign("t5").put("pacing", "even").put("budget", 1_000_000))
                .statusCode())
        .isEqualTo(200);
  }

  @AfterAll
  static void tearDown() {
    if (gw != null) {
      gw.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  static HttpResponse<Buffer> score(String requestId, String user, long timeoutMs) {
    return gw.http
        .post(gw.port, "127.0.0.1", "/v1/scores")
        .putHeader("x-request-id", requestId)
        .putHeader("x-request-timeout-ms", Long.toString(timeoutMs))
        .sendJsonObject(
            new JsonObject()
                .put("user", user)
                .put("surface", "autoplay")
                .put("market", "SE")
                .put("candidates", new JsonArray(CANDIDATES))
                .put("explain", true))
        .await();
  }

  /** What the exposure log must say of each enrolled result, by request id and position. */
  static Map<String, JsonObject> expected(String requestId, JsonObject answer) {
    Map<String, JsonObject> out = new HashMap<>();
    JsonArray results = answer.getJsonArray("results");
    for (int i = 0; i < results.size(); i++) {
      JsonObject r = results.getJsonObject(i);
      if (r.getString("campaign") != null) {
        out.put(requestId + "#" + i, r);
      }
    }
    return out;
  }

  /**
   * The records of the messages, read as JSON records whatever the format: each message the
   * requests of one event loop over a tick whose listener keys fall in its partition (one protobuf
   * {@code ExposureBatch} or JSON lines), no key, its {@code content-type} header the format and
   * its {@code records} and {@code requests} headers the counts.
   */
  static List<JsonObject> records(List<ConsumerRecord<String, byte[]>> messages) throws Exception {
    List<JsonObject> out = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> c : messages) {
      String type = header(c, "content-type");
      List<JsonObject> recs = new ArrayList<>();
      if (type.equals(ExposureConfig.KafkaFormat.PROTOBUF.contentType())) {
        recs.addAll(ExposureMessages.asJsonRecords(ExposureBatch.parseFrom(c.value())));
      } else {
        assertThat(type).isEqualTo(ExposureConfig.KafkaFormat.JSON.contentType());
        String value = new String(c.value(), StandardCharsets.UTF_8);
        assertThat(value).endsWith("}\n");
        // each record ends with a newline: the last piece is empty
        String[] lines = value.split("\n", -1);
        for (int i = 0; i < lines.length - 1; i++) {
          recs.add(new JsonObject(lines[i]));
        }
      }
      assertThat(c.key()).isNull();
      assertThat(header(c, "records")).isEqualTo(Integer.toString(recs.size()));
      Set<String> requests = new HashSet<>();
      for (JsonObject o : recs) {
        requests.add(o.getString("request_id"));
        byte[] key = o.getString("listener").getBytes(StandardCharsets.UTF_8);
        assertThat(c.partition())
            .as("the partition Kafka gives the listener key")
            .isEqualTo(BuiltInPartitioner.partitionForKey(key, PARTITIONS));
      }
      assertThat(header(c, "requests")).isEqualTo(Integer.toString(requests.size()));
      out.addAll(recs);
    }
    return out;
  }

  /** Reads the topic until it holds at least {@code n} records, or 30 s passed. */
  static List<ConsumerRecord<String, byte[]>> awaitRecords(int n) throws Exception {
    long deadline = System.currentTimeMillis() + 30_000;
    List<ConsumerRecord<String, byte[]>> all;
    do {
      all = kafka.read(TOPIC, Integer.MAX_VALUE, Duration.ofMillis(500));
    } while (records(all).size() < n && System.currentTimeMillis() < deadline);
    return all;
  }

  private static String header(ConsumerRecord<String, byte[]> c, String name) {
    return new String(c.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  static Map<String, JsonObject> byRequestAndPosition(List<ConsumerRecord<String, byte[]>> recs)
      throws Exception {
    Map<String, JsonObject> out = new HashMap<>();
    for (JsonObject o : records(recs)) {
      JsonObject before = out.put(o.getString("request_id") + "#" + o.getInteger("position"), o);
      assertThat(before).as("a record sent twice: " + o).isNull();
    }
    return out;
  }

  static double metric(String series) {
    String prefix = series + " ";
    for (String line : gw.engine.telemetry().scrape().get().split("\n", -1)) {
      if (line.startsWith(prefix)) {
        return Double.parseDouble(line.substring(prefix.length()));
      }
    }
    throw new AssertionError("no " + series);
  }

  static double exposureRecords(String outcome) {
    return metric("gateway_exposure_records_total{outcome=\"" + outcome + "\"}");
  }

  /** Records the sink is done with or the buffer turned away: written, failed or dropped. */
  double settledRecords() {
    return exposureRecords("dropped") + exposureRecords("failed") + exposureRecords("written");
  }

  @Test
  void recordsReachTheTopicExactlyOnceSurviveNoOutageButNeverSlowTheAnswers() throws Exception {
    // the writer learns the topic's partitions (before serving, unless Kafka took over 1 s to
    // answer; then within its 5 s retry): until then every chunk would go to partition 0
    long learnBy = System.currentTimeMillis() + 15_000;
    while (metric("gateway_exposure_partitions") != PARTITIONS
        && System.currentTimeMillis() < learnBy) {
      TestGateway.sleep(100);
    }
    assertThat(metric("gateway_exposure_partitions")).isEqualTo(PARTITIONS);
    // 1. every enrolled decision of N answers, with the inputs it was decided from
    Map<String, JsonObject> expected = new HashMap<>();
    for (int i = 0; i < 30; i++) {
      HttpResponse<Buffer> r = score("req-" + i, "u-" + i, 1_000);
      assertThat(r.statusCode()).isEqualTo(200);
      expected.putAll(expected("req-" + i, r.bodyAsJsonObject()));
    }
    assertThat(expected).hasSize(30 * 4);
    awaitRecords(expected.size());
    // a second later: none was sent twice (byRequestAndPosition), none more came
    TestGateway.sleep(1_000);
    List<ConsumerRecord<String, byte[]>> consumed = awaitRecords(expected.size());
    assertThat(records(consumed)).hasSize(expected.size());
    assertThat(consumed.stream().map(ConsumerRecord::partition).distinct())
        .as("30 listeners over %d partitions", PARTITIONS)
        .hasSize(PARTITIONS);
    Map<String, JsonObject> got = byRequestAndPosition(consumed);
    assertThat(got.keySet()).isEqualTo(expected.keySet());
    int ghosts = 0;
    for (Map.Entry<String, JsonObject> e : expected.entrySet()) {
      JsonObject answer = e.getValue();
      JsonObject explain = answer.getJsonObject("explain");
      JsonObject rec = got.get(e.getKey());
      assertThat(rec.getInteger("schema_version")).isEqualTo(1);
      assertThat(rec.getString("track")).isEqualTo(answer.getString("track"));
      assertThat(rec.getString("campaign")).isEqualTo(answer.getString("campaign"));
      assertThat(rec.getString("reason")).isEqualTo(answer.getString("reason"));
      assertThat(rec.getBoolean("promoted")).isEqualTo(answer.getBoolean("promoted"));
      assertThat(rec.getDouble("score")).isEqualTo(answer.getDouble("score"));
      assertThat(rec.getDouble("base_score")).isEqualTo(explain.getDouble("base_score"));
      assertThat(rec.getDouble("boost")).isEqualTo(explain.getDouble("boost"));
      // the propensity is the pass rate the decision was made with
      assertThat(rec.getDouble("pass_rate"))
          .as(e.getKey())
          .isEqualTo(explain.getDouble("pass_rate"));
      assertThat(rec.getString("arm")).isEqualTo("champion");
      assertThat(rec.getString("snapshot")).isEqualTo("s1");
      assertThat(rec.getString("surface")).isEqualTo("autoplay");
      assertThat(rec.getString("listener")).matches("[0-9a-f]{32}");
      boolean heldOut = answer.getString("reason").equals("holdout");
      assertThat(rec.getString("holdout")).isEqualTo(heldOut ? "campaign" : null);
      assertThat(rec.getString("would_be")).isEqualTo(explain.getString("would_be"));
      assertThat(rec.getBoolean("ghost"))
          .isEqualTo(heldOut && "promoted".equals(rec.getString("would_be")));
      ghosts += rec.getBoolean("ghost") ? 1 : 0;
    }
    assertThat(ghosts).as("half of c2's listeners are held out").isBetween(5, 25);
    assertThat(got.values().stream().map(o -> o.getString("reason")).distinct())
        .contains("promoted", "holdout", "paced");

    // 2. the broker goes away: answers stay 200 and on time; what does not fit is dropped
    kafka.stopBroker();
    double droppedBefore = exposureRecords("dropped");
    double settledBefore = settledRecords();
    for (int i = 0; i < 100; i++) {
      long start = System.nanoTime();
      // a deadline the shared machine meets while the in-JVM producer retries the dead broker: a
      // scoring answer that waited for the exposure log would still miss it
      HttpResponse<Buffer> r = score("down-" + i, "u-" + i, 200);
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.bodyAsJsonObject().getBoolean("degraded")).isFalse();
      assertThat(ms).as("answer " + i + " took " + ms + " ms").isLessThan(500);
    }
    // every record is written, dropped at the buffer, failed (the producer gave up on it) or still
    // held, and at most BUFFER are held: the rest are accounted for, and the full buffer dropped
    // (an answer's records are offered just after it is written, so the last few may land a
    // moment after the caller has its answer: waited for briefly, never the 10 s a failure takes)
    double settled = settledRecords();
    long until = System.currentTimeMillis() + 2_000;
    while (settled - settledBefore < 400 - BUFFER && System.currentTimeMillis() < until) {
      TestGateway.sleep(20);
      settled = settledRecords();
    }
    assertThat(settled - settledBefore)
        .as("400 records for a buffer of " + BUFFER)
        .isGreaterThanOrEqualTo(400 - BUFFER);
    assertThat(exposureRecords("dropped")).isGreaterThan(droppedBefore);

    // 3. the broker is back: records flow again
    kafka.startBroker();
    Map<String, JsonObject> after = new HashMap<>();
    Set<String> latest = Set.of();
    long deadline = System.currentTimeMillis() + 60_000;
    int round = 0;
    List<String> keys = new ArrayList<>();
    while (System.currentTimeMillis() < deadline) {
      String id = "after-" + round++;
      HttpResponse<Buffer> r = score(id, "u-" + round, 1_000);
      assertThat(r.statusCode()).isEqualTo(200);
      latest = expected(id, r.bodyAsJsonObject()).keySet();
      after.putAll(expected(id, r.bodyAsJsonObject()));
      List<ConsumerRecord<String, byte[]>> all =
          kafka.read(TOPIC, Integer.MAX_VALUE, Duration.ofSeconds(2));
      keys.clear();
      for (JsonObject o : records(all)) {
        if (o.getString("request_id").startsWith("after-")) {
          keys.add(o.getString("request_id") + "#" + o.getInteger("position"));
        }
      }
      // flowing again: the latest answer's records all arrived (earlier ones may have been lost
      // while the producer reconnected)
      if (keys.containsAll(latest)) {
        break;
      }
      TestGateway.sleep(500);
    }
    assertThat(keys)
        .as("records of the latest answer after the broker came back")
        .containsAll(latest);
    assertThat(keys).doesNotHaveDuplicates();
    assertThat(after.keySet()).as("only records of answers given").containsAll(keys);
    assertThat(exposureRecords("written")).isGreaterThanOrEqualTo(expected.size() + keys.size());
  }
}
