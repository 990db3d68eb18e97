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

  @Override
  public void handle(RoutingContext ctx) {
    if (inFlight >= maxInFlight) {
      shed.increment();
      ctx.response().putHeader("retry-after", "1");
      // closing sheds the connection too: a shed caller reconnects (to any instance) when it
      // retries
      Problem.sendAndClose(
          ctx.request(),
          ProblemType.OVERLOADED,
          "server: at capacity (" + maxInFlight + " requests in flight per event loop)");
      return;
    }
    inFlight++;
    ctx.addEndHandler(v -> inFlight--);
    ctx.next();
  }
}
