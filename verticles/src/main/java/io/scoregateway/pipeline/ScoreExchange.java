package io.scoregateway.pipeline;

import io.scoregateway.model.Arm;
import io.scoregateway.model.Campaign;
import io.scoregateway.model.Decision;
import io.scoregateway.model.Reason;
import io.scoregateway.model.ScoreRequest;

/**
 * Per-request state: the decisions as they resolve, the snapshot they were taken from (and the
 * experiment arm that chose it), what they were made from, and the hop timings. Touched only from
 * the request's event loop until closed; read-only afterwards.
 */
public final class ScoreExchange {
  private final ScoreRequest request;
  private final Decision[] decisions;
  private final Campaign[] campaigns;
  private final HopTimings timings;
  private DecisionInputs inputs;
  private String snapshot;
  private long snapshotAgeSeconds = -1;
  private Arm arm = Arm.CHAMPION;
  private String experiment;
  private String requestId;
  private boolean allocated;
  private boolean closed;
  private long decideByNanos;
  private boolean hasDeadline;
  private boolean degraded;
  private Runnable onProgress = () -> {};

  public ScoreExchange(ScoreRequest request, HopTimings timings) {
    this.request = request;
    this.decisions = new Decision[request.candidates().size()];
    this.campaigns = new Campaign[decisions.length];
    this.timings = timings;
  }

  public ScoreRequest request() {
    return request;
  }

  public HopTimings timings() {
    return timings;
  }

  public String snapshot() {
    return snapshot;
  }

  /** Whole seconds since the snapshot's scores were produced, -1 when unknown. */
  public long snapshotAgeSeconds() {
    return snapshotAgeSeconds;
  }

  void assign(Arm arm, String experiment, String snapshot, long ageSeconds) {
    this.arm = arm;
    this.experiment = experiment;
    this.snapshot = snapshot;
    this.snapshotAgeSeconds = ageSeconds;
  }

  /** The experiment arm the listener is in ({@link Arm#CHAMPION} when none runs). */
  public Arm arm() {
    return arm;
  }

  /** The running experiment's id, or null. */
  public String experiment() {
    return experiment;
  }

  /** The caller's request id ({@code X-Request-Id}), or null. */
  public String requestId() {
    return requestId;
  }

  public void requestId(String id) {
    this.requestId = id;
  }

  /**
   * What the decisions were made from; {@link DecisionInputs#NONE} (nothing kept, nobody held out)
   * unless the pipeline kept something, so an exchange with neither allocates nothing for it.
   */
  public DecisionInputs inputs() {
    return inputs == null ? DecisionInputs.NONE : inputs;
  }

  /** The inputs to write into, created on first use. */
  DecisionInputs keptInputs() {
    if (inputs == null) {
      inputs = new DecisionInputs(decisions.length);
    }
    return inputs;
  }

  public int size() {
    return decisions.length;
  }

  public Decision decision(int i) {
    return decisions[i];
  }

  void decide(int i, Campaign c, Decision d) {
    campaigns[i] = c;
    decisions[i] = d;
  }

  /** The campaign a position was decided for (null when not enrolled). */
  public Campaign campaign(int i) {
    return campaigns[i];
  }

  void allocated() {
    this.allocated = true;
  }

  /** A decision is final once nothing later can change it (slot allocation may demote). */
  public boolean isFinal(int i) {
    Decision d = decisions[i];
    return d != null && (allocated || !request.limitsSlots() || d.reason() != Reason.PROMOTED);
  }

  /**
   * After this instant ({@link System#nanoTime()}) nothing more is decided: a lookup answering
   * later is ignored and its candidates answer {@code degraded}, so the time left goes to writing
   * the answer, not to deciding a batch that would then leave late.
   */
  public void decideBy(long nanos) {
    this.decideByNanos = nanos;
    this.hasDeadline = true;
  }

  /** True once answered, or once the time to decide has run out. */
  public boolean isClosed() {
    return closed || (hasDeadline && System.nanoTime() - decideByNanos >= 0);
  }

  /** True once {@link #close()} ran: the answer is being or has been written. */
  public boolean isFinished() {
    return closed;
  }

  public boolean degraded() {
    return degraded;
  }

  /** Called whenever more decisions may have become final (for streaming). */
  public void onProgress(Runnable r) {
    this.onProgress = r;
  }

  void progress() {
    onProgress.run();
  }

  /** Ends the exchange: anything unresolved is answered {@code degraded} (fail open). */
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (int i = 0; i < decisions.length; i++) {
      Decision d = decisions[i];
      if (d == null) {
        degraded = true;
        Campaign c = campaigns[i];
        decisions[i] = new Decision(Reason.DEGRADED, 0, c == null ? null : c.id(), null);
      }
    }
    allocated = true;
  }
}
