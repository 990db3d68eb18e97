package io.scoregateway.gateway.config;

/**
 * Every setting, declared once: its YAML name, flag, environment variable, default, what its value
 * must be, and meaning (README table). The CLI's flags and the validation derive from it.
 */
public enum ConfigKey {
  REDIS(
      "redis",
      "--redis",
      "GATEWAY_REDIS_URL",
      "redis://127.0.0.1:6379",
      Kind.TEXT,
      "Redis URL; comma-separated seeds in cluster/sentinel mode; rediss:// for TLS"),
  REDIS_MODE(
      "redis_mode",
      "--redis-mode",
      "GATEWAY_REDIS_MODE",
      "standalone",
      Kind.TEXT,
      "standalone, cluster or sentinel"),
  REDIS_MASTER(
      "redis_master",
      "--redis-master",
      "GATEWAY_REDIS_MASTER",
      "mymaster",
      Kind.NON_EMPTY,
      "master name in sentinel mode"),
  REDIS_CA_FILE(
      "redis_ca_file",
      "--redis-ca-file",
      "GATEWAY_REDIS_CA_FILE",
      "",
      Kind.PEM_FILE,
      "PEM CA certificate(s) trusted for rediss:// (host names always verified); default the JVM's trust store"),
  REDIS_TLS_CERT(
      "redis_tls_cert",
      "--redis-tls-cert",
      "GATEWAY_REDIS_TLS_CERT",
      "",
      Kind.PEM_FILE,
      "PEM client certificate chain for rediss:// (Redis tls-auth-clients)"),
  REDIS_TLS_KEY(
      "redis_tls_key",
      "--redis-tls-key",
      "GATEWAY_REDIS_TLS_KEY",
      "",
      Kind.PEM_FILE,
      "PEM private key for --redis-tls-cert"),
  HOST("host", "--host", "GATEWAY_HOST", "0.0.0.0", Kind.NON_EMPTY, "interface both ports bind to"),
  PORT("port", "--port", "GATEWAY_HTTP_PORT", "8080", 0, 65535, "data plane port"),
  ADMIN_PORT(
      "admin_port",
      "--admin-port",
      "GATEWAY_ADMIN_PORT",
      "9090",
      0,
      65535,
      "admin API, health and metrics port"),
  GRPC_PORT(
      "grpc_port",
      "--grpc-port",
      "GATEWAY_GRPC_PORT",
      "0",
      0,
      65535,
      "gRPC data plane port (HTTP/2, scoregateway.v1.ScoreService and grpc.health.v1.Health); 0 = off"),
  TOKENS_FILE(
      "tokens_file",
      "--tokens-file",
      "GATEWAY_TOKENS_FILE",
      "",
      Kind.TEXT,
      "YAML tokens file (clients, roles, token_sha256); required unless --no-auth"),
  NO_AUTH(
      "no_auth",
      "--no-auth",
      "GATEWAY_NO_AUTH",
      "false",
      Kind.SWITCH,
      "serve without authentication (logs a warning)"),
  PACING_SLOT_MS(
      "pacing_slot_ms",
      "--pacing-slot-ms",
      "GATEWAY_PACING_SLOT_MS",
      "60000",
      10,
      86_400_000,
      "pacing controller period: a pass rate and a slot allowance per campaign per slot"),
  PACING_REFRESH_MS(
      "pacing_refresh_ms",
      "--pacing-refresh-ms",
      "GATEWAY_PACING_REFRESH_MS",
      "0",
      0,
      60_000,
      "how often each instance reports demand and renews pacing leases; 0 = a quarter slot (100 ms..5 s)"),
  PACING_SETTLE_MS(
      "pacing_settle_ms",
      "--pacing-settle-ms",
      "GATEWAY_PACING_SETTLE_MS",
      "10000",
      0,
      3_600_000,
      "how late a delivery may follow its promotion (late plays count up to this after a flight ends)"),
  PACING_MAX_BATCH(
      "pacing_max_batch",
      "--pacing-max-batch",
      "GATEWAY_PACING_MAX_BATCH",
      "2000",
      1,
      1_000_000,
      "most campaigns in one pacing batch; more due are sent in further batches right after"),
  ALLOCATION(
      "allocation",
      "--allocation",
      "GATEWAY_ALLOCATION",
      "",
      Kind.TEXT,
      "per-surface allocation policy and listener guardrails, 'surface: key=value, ...; *: ...'"
          + " (policy balanced|relevance, floor, per_label, max_skip_rate, min_plays, hold_share);"
          + " empty = balanced everywhere, no guardrail"),
  MAX_BATCH(
      "max_batch",
      "--max-batch",
      "GATEWAY_MAX_BATCH",
      "1000",
      1,
      10_000,
      "most candidates per /v1/scores request"),
  TIMEOUT_MS(
      "timeout_ms",
      "--timeout-ms",
      "GATEWAY_TIMEOUT_MS",
      "50",
      1,
      60_000,
      "default request deadline when X-Request-Timeout-Ms is absent"),
  EVENT_LOOPS(
      "event_loops",
      "--event-loops",
      "GATEWAY_EVENT_LOOPS",
      "0",
      0,
      256,
      "event loops and data-plane verticle instances; 0 = number of cores"),
  MAX_IN_FLIGHT(
      "max_in_flight",
      "--max-in-flight",
      "GATEWAY_MAX_IN_FLIGHT",
      "512",
      1,
      1_000_000,
      "requests one event loop works on at once; beyond it 503 + Retry-After"),
  CLIENT_RATE_LIMIT(
      "client_rate_limit",
      "--client-rate-limit",
      "GATEWAY_CLIENT_RATE_LIMIT",
      "0",
      0,
      10_000_000,
      "default requests/s per client (tokens file rate_limit overrides); 0 = unlimited"),
  MAX_IN_FLIGHT_PER_CLIENT(
      "max_in_flight_per_client",
      "--max-in-flight-per-client",
      "GATEWAY_MAX_IN_FLIGHT_PER_CLIENT",
      "0",
      0,
      1_000_000,
      "requests one client (token name, else remote address) may have in flight per event loop; beyond it 429;"
          + " 0 = half of --max-in-flight"),
  BODY_READ_MS(
      "body_read_ms",
      "--body-read-ms",
      "GATEWAY_BODY_READ_MS",
      "5000",
      100,
      600_000,
      "a request head must arrive within this of its first byte, and its whole body within this after the head, else 408 and the connection is closed"),
  MAX_CONNECTIONS(
      "max_connections",
      "--max-connections",
      "GATEWAY_MAX_CONNECTIONS",
      "10000",
      1,
      10_000_000,
      "open connections per port; beyond it a new connection is closed as soon as it is accepted"),
  RELOAD_CHECK_MS(
      "reload_check_ms",
      "--reload-check-ms",
      "GATEWAY_RELOAD_CHECK_MS",
      "10000",
      0,
      3_600_000,
      "how often the TLS files and the tokens file are checked; changed ones are reloaded without restart; 0 = never"),
  TLS_CERT(
      "tls_cert",
      "--tls-cert",
      "GATEWAY_TLS_CERT",
      "",
      Kind.PEM_FILE,
      "PEM certificate chain: both ports serve HTTPS"),
  TLS_KEY(
      "tls_key",
      "--tls-key",
      "GATEWAY_TLS_KEY",
      "",
      Kind.PEM_FILE,
      "PEM private key for --tls-cert"),
  SCORE_CACHE_ENTRIES(
      "score_cache_entries",
      "--score-cache-entries",
      "GATEWAY_SCORE_CACHE_ENTRIES",
      "250000",
      0,
      50_000_000,
      "snapshot score entries cached in memory (immutable, never invalidated); 0 = off"),
  METRICS(
      "metrics",
      "--metrics",
      "GATEWAY_METRICS",
      "true",
      Kind.BOOLEAN,
      "record Prometheus metrics (false: /metrics is empty and recording costs nothing)"),
  SLOW_REQUEST_MS(
      "slow_request_ms",
      "--slow-request-ms",
      "GATEWAY_SLOW_REQUEST_MS",
      "25",
      0,
      600_000,
      "requests slower than this log one JSON line with trace id and hop timings; 0 = off"),
  CATALOG_REFRESH_MS(
      "catalog_refresh_ms",
      "--catalog-refresh-ms",
      "GATEWAY_CATALOG_REFRESH_MS",
      "1000",
      50,
      5_000,
      "poll period for campaign and snapshot changes (notifications make it faster)"),
  DELIVERY_REPLICAS(
      "delivery_replicas",
      "--delivery-replicas",
      "GATEWAY_DELIVERY_REPLICAS",
      "0",
      0,
      16,
      "replicas that must acknowledge delivery writes (WAIT) before a 2xx, else 503; 0 = do not wait"),
  DELIVERY_WAIT_MS(
      "delivery_wait_ms",
      "--delivery-wait-ms",
      "GATEWAY_DELIVERY_WAIT_MS",
      "200",
      1,
      10_000,
      "how long deliveries wait for those replicas"),
  SURFACE_HOLDOUTS(
      "surface_holdouts",
      "--surface-holdouts",
      "GATEWAY_SURFACE_HOLDOUTS",
      "",
      Kind.TEXT,
      "surfaces that hold out a share of listeners from every campaign, surface=share,... (e.g."
          + " autoplay=0.05): never promoted there, their would-be promotions logged as ghost"
          + " exposures"),
  SURFACE_HOLDOUT_SALT(
      "surface_holdout_salt",
      "--surface-holdout-salt",
      "GATEWAY_SURFACE_HOLDOUT_SALT",
      "surface-holdout",
      Kind.NON_EMPTY,
      "salt of the surface holdouts' listener hash ([A-Za-z0-9._:-]); a new salt draws new groups"),
  EXPOSURE_SINK(
      "exposure_sink",
      "--exposure-sink",
      "GATEWAY_EXPOSURE_SINK",
      "none",
      Kind.NON_EMPTY,
      "where the exposure log (one record per enrolled decision) goes: none, file (JSON lines) or"
          + " kafka; dev defaults to file"),
  EXPOSURE_FILE(
      "exposure_file",
      "--exposure-file",
      "GATEWAY_EXPOSURE_FILE",
      "exposures.jsonl",
      Kind.NON_EMPTY,
      "the file sink's JSON-lines file, appended to (its directory must exist)"),
  EXPOSURE_KAFKA_BOOTSTRAP_SERVERS(
      "exposure_kafka_bootstrap_servers",
      "--exposure-kafka-bootstrap-servers",
      "GATEWAY_EXPOSURE_KAFKA_BOOTSTRAP_SERVERS",
      "",
      Kind.TEXT,
      "the kafka sink's brokers, host:port,... (required with --exposure-sink kafka)"),
  EXPOSURE_KAFKA_TOPIC(
      "exposure_kafka_topic",
      "--exposure-kafka-topic",
      "GATEWAY_EXPOSURE_KAFKA_TOPIC",
      "score-gateway-exposures",
      Kind.NON_EMPTY,
      "the kafka sink's topic"),
  EXPOSURE_KAFKA_FORMAT(
      "exposure_kafka_format",
      "--exposure-kafka-format",
      "GATEWAY_EXPOSURE_KAFKA_FORMAT",
      "protobuf",
      Kind.NON_EMPTY,
      "the kafka sink's messages, each many answered requests: protobuf (ExposureBatch) or json"
          + " (their records as JSON lines)"),
  EXPOSURE_BUFFER_RECORDS(
      "exposure_buffer_records",
      "--exposure-buffer-records",
      "GATEWAY_EXPOSURE_BUFFER_RECORDS",
      "100000",
      1,
      10_000_000,
      "exposure records waiting for (or in flight to) the sink at most; beyond it new ones are"
          + " dropped and counted"),
  EXPOSURE_LISTENER_SALT(
      "exposure_listener_salt",
      "--exposure-listener-salt",
      "GATEWAY_EXPOSURE_LISTENER_SALT",
      "",
      Kind.TEXT,
      "secret key of the listener hash in exposure records (SipHash-2-4-128); unset, the key is"
          + " pseudonymous only (never logged)");

  /** What a key's value must be; {@link ConfigValues} reads it accordingly. */
  public enum Kind {
    /** any text, trimmed (its meaning is checked where it is used) */
    TEXT,
    /** text that must not be empty */
    NON_EMPTY,
    /** a readable PEM file, or empty for none */
    PEM_FILE,
    /** a whole number within the key's bounds */
    NUMBER,
    /** true or false (also 1/0, yes/no) */
    BOOLEAN,
    /** a boolean whose flag takes no value: present means true */
    SWITCH
  }

  private final String yaml;
  private final String flag;
  private final String env;
  private final String defaultValue;
  private final Kind kind;
  private final long min;
  private final long max;
  private final String description;

  ConfigKey(
      String yaml, String flag, String env, String defaultValue, Kind kind, String description) {
    this(yaml, flag, env, defaultValue, kind, 0, 0, description);
  }

  /** A whole number between {@code min} and {@code max}. */
  ConfigKey(
      String yaml,
      String flag,
      String env,
      String defaultValue,
      long min,
      long max,
      String description) {
    this(yaml, flag, env, defaultValue, Kind.NUMBER, min, max, description);
  }

  ConfigKey(
      String yaml,
      String flag,
      String env,
      String defaultValue,
      Kind kind,
      long min,
      long max,
      String description) {
    this.yaml = yaml;
    this.flag = flag;
    this.env = env;
    this.defaultValue = defaultValue;
    this.kind = kind;
    this.min = min;
    this.max = max;
    this.description = description;
  }

  public String yaml() {
    return yaml;
  }

  public String flag() {
    return flag;
  }

  public String env() {
    return env;
  }

  public String defaultValue() {
    return defaultValue;
  }

  public Kind kind() {
    return kind;
  }

  /** Smallest accepted value of a {@link Kind#NUMBER} key. */
  public long min() {
    return min;
  }

  /** Largest accepted value of a {@link Kind#NUMBER} key. */
  public long max() {
    return max;
  }

  public String description() {
    return description;
  }
}
