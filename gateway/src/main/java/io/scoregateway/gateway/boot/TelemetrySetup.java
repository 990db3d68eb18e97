package io.scoregateway.gateway.boot;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.scoregateway.telemetry.Telemetry;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Builds the OpenTelemetry SDK from the standard {@code OTEL_*} variables (OTLP over HTTP by
 * default, W3C trace context, parent-based sampling) and the Prometheus registry. {@code
 * OTEL_TRACES_EXPORTER=none} (or {@code OTEL_SDK_DISABLED=true}) turns tracing off entirely: no
 * tracer is installed in Vert.x, so spans cost nothing. Without a configured OTLP endpoint spans
 * are still made (answers carry {@code traceparent}, slow-request lines a trace id) but nothing is
 * exported: an exporter aimed at a collector nobody runs would only log failures and hold up
 * shutdown.
 */
public final class TelemetrySetup {
  /** A running telemetry stack; {@code sdk} is null when tracing is off. */
  public record Stack(Telemetry telemetry, OpenTelemetrySdk sdk) {
    /**
     * Flushes what it can within {@code waitMs}; a collector that does not answer is given up on.
     */
    public void close(long waitMs) {
      if (sdk != null) {
        sdk.shutdown().join(Math.max(1, waitMs), java.util.concurrent.TimeUnit.MILLISECONDS);
      }
    }

    /** Shuts down without waiting (from an event loop, which must not block). */
    public void closeInBackground() {
      if (sdk != null) {
        sdk.shutdown();
      }
    }
  }

  private static final java.util.List<String> ENDPOINT_KEYS =
      java.util.List.of("otel.exporter.otlp.endpoint", "otel.exporter.otlp.traces.endpoint");

  private TelemetrySetup() {}

  /**
   * Builds the OpenTelemetry SDK from its standard properties.
   *
   * @param defaults lowest-priority OTel properties (environment and system properties win)
   * @param overrides highest-priority OTel properties (for tests)
   */
  public static Stack create(
      long slowRequestMs,
      boolean metrics,
      Map<String, String> defaults,
      Map<String, String> overrides) {
    MeterRegistry registry = metrics ? prometheus() : new CompositeMeterRegistry();
    Supplier<String> scrape = registry instanceof PrometheusMeterRegistry p ? p::scrape : () -> "";

    Map<String, String> base = new HashMap<>();
    base.put("otel.service.name", "score-gateway");
    base.put("otel.exporter.otlp.protocol", "http/protobuf");
    base.put("otel.metrics.exporter", "none");
    base.put("otel.logs.exporter", "none");
    base.putAll(defaults);
    if (tracingOff(base, overrides)) {
      Telemetry off =
          new Telemetry(
              OpenTelemetry.noop().getTracer(Telemetry.INSTRUMENTATION),
              registry,
              scrape,
              slowRequestMs);
      return new Stack(off, null);
    }
    LogBridge.routeJulToSlf4j();
    Map<String, String> forced = new HashMap<>(overrides);
    if (otlpWithoutEndpoint(base, overrides)) {
      forced.put("otel.traces.exporter", "none");
    }
    OpenTelemetrySdk sdk =
        AutoConfiguredOpenTelemetrySdk.builder()
            .addPropertiesSupplier(() -> base)
            .addPropertiesCustomizer(props -> forced)
            .addSamplerCustomizer(
                (sampler, props) ->
                    new CallerSampledCap(
                        sampler, props.getInt(CallerSampledCap.PROPERTY, CallerSampledCap.DEFAULT)))
            .disableShutdownHook()
            .build()
            .getOpenTelemetrySdk();
    Telemetry on =
        new Telemetry(sdk.getTracer(Telemetry.INSTRUMENTATION), registry, scrape, slowRequestMs);
    return new Stack(on, sdk);
  }

  private static PrometheusMeterRegistry prometheus() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // two binder meters whose Prometheus names promtool's lint rejects; both are derivable
    // elsewhere
    registry
        .config()
        .meterFilter(
            MeterFilter.deny(
                id ->
                    id.getName().equals("system.cpu.count")
                        || id.getName().equals("process.cpu.time")));
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    return registry;
  }

  private static boolean tracingOff(Map<String, String> base, Map<String, String> overrides) {
    String exporter = setting("otel.traces.exporter", base, overrides, "otlp");
    String disabled = setting("otel.sdk.disabled", base, overrides, "false");
    return "none".equalsIgnoreCase(exporter.trim()) || "true".equalsIgnoreCase(disabled.trim());
  }

  private static boolean otlpWithoutEndpoint(
      Map<String, String> base, Map<String, String> overrides) {
    String exporter = setting("otel.traces.exporter", base, overrides, "otlp").trim();
    if (!"otlp".equalsIgnoreCase(exporter)) {
      return false;
    }
    for (String key : ENDPOINT_KEYS) {
      String v = setting(key, base, overrides, "");
      if (!v.isBlank()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Resolves one property the way autoconfigure does: overrides, system property, env, defaults.
   */
  private static String setting(
      String key, Map<String, String> base, Map<String, String> overrides, String dflt) {
    if (overrides.containsKey(key)) {
      return overrides.get(key);
    }
    String sys = System.getProperty(key);
    if (sys != null) {
      return sys;
    }
    String env = System.getenv(key.toUpperCase(java.util.Locale.ROOT).replace('.', '_'));
    if (env != null) {
      return env;
    }
    return base.getOrDefault(key, dflt);
  }
}
