package io.scoregateway.gateway.sim;

import io.scoregateway.gateway.cli.Await;
import io.scoregateway.model.DeliveryEvent;
import io.scoregateway.pipeline.DeliveryRecorder;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The listeners' clients: when a play's time comes it is reported through the recorder of the
 * instance that promoted it and, concurrently, a second time through that instance's twin
 * connection; exactly one of the two may count it.
 */
final class PlayReporter {
  private final List<SimInstance> instances;
  private final PendingPlays pending;
  private final Map<String, CampaignSeries> series;
  private final CapAudit caps;

  PlayReporter(
      List<SimInstance> instances,
      PendingPlays pending,
      Map<String, CampaignSeries> series,
      CapAudit caps) {
    this.instances = instances;
    this.pending = pending;
    this.series = series;
    this.caps = caps;
  }

  /** Reports every play due now through its instance's recorder and, a second time, its twin. */
  void deliverDue(long nowMs) {
    List<PendingPlays.Play> due = pending.due(nowMs);
    if (due.isEmpty()) {
      return;
    }
    Map<Integer, List<DeliveryEvent>> byInstance = new HashMap<>();
    due.forEach(
        p -> byInstance.computeIfAbsent(p.instance(), k -> new ArrayList<>()).add(p.event()));
    List<Future<DeliveryRecorder.Outcome>> sent = new ArrayList<>();
    for (Map.Entry<Integer, List<DeliveryEvent>> e : byInstance.entrySet()) {
      List<String> noErrors = new ArrayList<>();
      e.getValue().forEach(x -> noErrors.add(null));
      sent.add(instances.get(e.getKey()).recorder.record(e.getValue(), noErrors));
      sent.add(instances.get(e.getKey()).twin.record(e.getValue(), noErrors));
    }
    Await.result(Future.all(sent));
    int accepted = 0;
    for (Future<DeliveryRecorder.Outcome> f : sent) {
      if (!f.result().rejected().isEmpty()) {
        throw new IllegalStateException("a play was refused: " + f.result().rejected());
      }
      accepted += f.result().accepted();
    }
    if (accepted != due.size()) {
      throw new IllegalStateException(
          "each delivery must be counted exactly once: sent "
              + due.size()
              + " twice, accepted "
              + accepted);
    }
    for (PendingPlays.Play p : due) {
      series.get(p.event().campaign()).total++;
      caps.record(p.event(), nowMs);
    }
  }
}
