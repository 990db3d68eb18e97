package io.scoregateway.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;

/**
 * Bounds the requests one event loop works on at once. Beyond the bound a request is answered 503
 * with {@code Retry-After} before its body is read: a few microseconds of work, so an overloaded
 * instance stays responsive and sheds load instead of queueing it. Confined to its event loop, so
 * the counter needs no synchronisation.
 */
public final class LoadShedder implements PlatformHandler {
  private final int maxInFlight;
  private final Counter shed;
  private int inFlight;

  public LoadShedder(int maxInFlight, MeterRegistry registry) {
    this.maxInFlight = maxInFlight;
    this.shed =
        Counter.builder("gateway.shed.requests")
            .description(
                "Requests refused with 503 because the event loop was at its in-flight bound")
            .register(registry);
  }

  /**
   * Takes one of the event loop's slots for a request of any protocol, or counts it as shed and
   * returns false; a taken slot is given back with {@link #exit()}.
   */
  public boolean tryEnter() {
    if (inFlight >= maxInFlight) {
      shed.increment();
      return false;
    }
    inFlight++;
    return true;
  }

  /** Gives back a slot {@link #tryEnter()} took. */
  public void exit() {
    inFlight--;
  }

  /** The per-event-loop bound, for refusal messages. */
  public int maxInFlight() {
    return maxInFlight;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (!tryEnter()) {
      ctx.response().putHeader("retry-after", "1");
      // closing sheds the connection too: a shed caller reconnects (to any instance) when it
      // retries
      Problem.sendAndClose(
          ctx.request(),
          ProblemType.OVERLOADED,
          "server: at capacity (" + maxInFlight + " requests in flight per event loop)");
      return;
    }
    ctx.addEndHandler(v -> exit());
    ctx.next();
  }
}
