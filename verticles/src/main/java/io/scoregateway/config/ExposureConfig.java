package io.scoregateway.config;

/**
 * Where the exposure log goes and how much of it may wait for its sink.
 *
 * @param sink none, a JSON-lines file, or a Kafka topic
 * @param file the file sink's path (appended to)
 * @param bootstrapServers the Kafka sink's {@code host:port,...}
 * @param topic the Kafka sink's topic
 * @param kafkaFormat how the Kafka sink writes a request's records: one protobuf message or JSON
 *     lines
 * @param bufferRecords records waiting for (or in flight to) the sink at most; beyond it new
 *     records are dropped and counted
 * @param listenerSalt the key of the listener hash (SipHash-2-4-128); empty = a fixed public key
 */
public record ExposureConfig(
    Sink sink,
    String file,
    String bootstrapServers,
    String topic,
    KafkaFormat kafkaFormat,
    int bufferRecords,
    String listenerSalt) {

  /** Where exposure records are written. */
  public enum Sink {
    NONE,
    FILE,
    KAFKA
  }

  /** How the Kafka sink writes one answered request's records as one message. */
  public enum KafkaFormat {
    /** A {@code scoregateway.exposure.v2.ExposureBatch} message. */
    PROTOBUF("application/x-protobuf; messageType=scoregateway.exposure.v2.ExposureBatch"),
    /** The records of every request in the message as JSON lines, as the file sink writes them. */
    JSON("application/x-ndjson");

    private final String contentType;

    KafkaFormat(String contentType) {
      this.contentType = contentType;
    }

    /** The message's {@code content-type} header. */
    public String contentType() {
      return contentType;
    }
  }

  public static final ExposureConfig DEFAULTS =
      new ExposureConfig(
          Sink.NONE,
          "exposures.jsonl",
          "",
          "score-gateway-exposures",
          KafkaFormat.PROTOBUF,
          100_000,
          "");

  /** A JSON-lines file. */
  public static ExposureConfig file(String path, int bufferRecords) {
    return new ExposureConfig(
        Sink.FILE, path, "", DEFAULTS.topic(), DEFAULTS.kafkaFormat(), bufferRecords, "");
  }

  /** A Kafka topic. */
  public static ExposureConfig kafka(
      String bootstrapServers, String topic, KafkaFormat format, int bufferRecords) {
    return new ExposureConfig(
        Sink.KAFKA, DEFAULTS.file(), bootstrapServers, topic, format, bufferRecords, "");
  }

  public boolean enabled() {
    return sink != Sink.NONE;
  }

  /** Hides the salt: a record's text may reach a log. */
  @Override
  public String toString() {
    return "ExposureConfig[sink="
        + sink
        + ", file="
        + file
        + ", bootstrapServers="
        + bootstrapServers
        + ", topic="
        + topic
        + ", kafkaFormat="
        + kafkaFormat
        + ", bufferRecords="
        + bufferRecords
        + ", listenerSalt="
        + (listenerSalt.isEmpty() ? "" : "(set)")
        + "]";
  }
}
