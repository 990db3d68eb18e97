package io.scoregateway.gateway.sim;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A campaign's per-slot series as report JSON, and report text with each series on one line. */
final class SeriesJson {
  private static final Pattern NUMBER_ARRAY =
      Pattern.compile("\\[\\s*(-?[0-9][-0-9.eE+,\\s]*?)\\s*\\]");

  private SeriesJson() {}

  /**
   * Slot by slot: delivered so far, planned so far, pass rate, promotions and eligible attempts in
   * the slot.
   */
  static JsonObject of(CampaignSeries cs) {
    JsonArray delivered = new JsonArray();
    JsonArray planned = new JsonArray();
    JsonArray passRate = new JsonArray();
    JsonArray promotions = new JsonArray();
    JsonArray eligible = new JsonArray();
    for (int s = 0; s < cs.delivered.length; s++) {
      delivered.add(cs.delivered[s]);
      planned.add(Math.round(cs.planned[s] * 10) / 10.0);
      passRate.add(Math.round(cs.passRate[s] * 10_000) / 10_000.0);
      promotions.add(cs.promotions[s]);
      eligible.add(cs.eligible[s]);
    }
    return new JsonObject()
        .put("flight_slots", cs.flightSlots)
        .put("delivered", delivered)
        .put("planned", planned)
        .put("pass_rate", passRate)
        .put("promotions", promotions)
        .put("eligible_attempts", eligible);
  }

  /**
   * Pretty JSON, except that arrays of numbers stay on one line (a day of slots stays readable).
   */
  static String encode(JsonObject report) {
    Matcher m = NUMBER_ARRAY.matcher(report.encodePrettily());
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(
          out,
          Matcher.quoteReplacement(
              "[" + m.group(1).replaceAll("\\s+", "").replace(",", ", ") + "]"));
    }
    m.appendTail(out);
    return out.toString();
  }
}
