package io.scoregateway.devkafka;

import io.scoregateway.devredis.LocalRedis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one server) inside the
 * test JVM, on two free loopback ports, over a log directory formatted once. It can be stopped and
 * started again on the same ports and data, as a broker outage and its recovery. Throws, never
 * skips, when it cannot start.
 */
public final class LocalKafka implements AutoCloseable {
  private final Path logDir;
  private final int port;
  private final int controllerPort;
  private KafkaRaftServer server;

  private LocalKafka(Path logDir, int port, int controllerPort) {
    this.logDir = logDir;
    this.port = port;
    this.controllerPort = controllerPort;
  }

  /**
   * Runs a broker until the process is stopped, for {@code loadtest/bench --exposure kafka}: prints
   * {@code bootstrap=host:port} once it serves, with the topics named as arguments created.
   */
  public static void main(String[] args) throws Exception {
    LocalKafka kafka = start();
    Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
    for (String topic : args) {
      kafka.createTopic(topic);
    }
    System.out.println("bootstrap=" + kafka.bootstrapServers());
    System.out.flush();
    Thread.currentThread().join();
  }

  /** Formats a fresh log directory and starts the broker. */
  public static LocalKafka start() throws Exception {
    Path dir = Files.createTempDirectory("local-kafka-");
    LocalKafka kafka = new LocalKafka(dir, LocalRedis.freePort(), LocalRedis.freePort());
    new Formatter()
        .setNodeId(1)
        .setClusterId(Uuid.randomUuid().toString())
        .setDirectories(List.of(dir.toString()))
        .setMetadataLogDirectory(dir.toString())
        .setControllerListenerName("CONTROLLER")
        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
        .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
        .setPrintStream(System.out)
        .run();
    kafka.startBroker();
    return kafka;
  }

  /** {@code host:port} for clients. */
  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  /** Starts the broker (again) on its ports and data; returns once it is serving. */
  public synchronized void startBroker() {
    if (server != null) {
      return;
    }
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    p.put("controller.listener.names", "CONTROLLER");
    p.put(
        "listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("log.dirs", logDir.toString());
    p.put("metadata.log.dir", logDir.toString());
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "1");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("num.partitions", "1");
    p.put("auto.create.topics.enable", "true");
    // a small machine: few threads, no background work a test does not need
    p.put("num.network.threads", "1");
    p.put("num.io.threads", "2");
    p.put("background.threads", "2");
    KafkaRaftServer s = new KafkaRaftServer(KafkaConfig.fromProps(p, false), Time.SYSTEM);
    s.startup();
    server = s;
    awaitServing();
  }

  /** Stops the broker, keeping its data for {@link #startBroker()}. */
  public synchronized void stopBroker() {
    if (server == null) {
      return;
    }
    server.shutdown();
    server.awaitShutdown();
    server = null;
  }

  /** Creates a topic with one partition (the order of its records is the order they were sent). */
  public void createTopic(String topic) throws Exception {
    createTopic(topic, 1);
  }

  public void createTopic(String topic, int partitions) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
    }
  }

  /**
   * Reads every partition of the topic from its start until {@code count} messages arrived or
   * {@code timeout} passed, whichever is first.
   */
  public List<ConsumerRecord<String, byte[]>> read(String topic, int count, Duration timeout) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrapServers());
    p.put("key.deserializer", StringDeserializer.class.getName());
    p.put("value.deserializer", ByteArrayDeserializer.class.getName());
    p.put("enable.auto.commit", "false");
    List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
      List<TopicPartition> partitions = new ArrayList<>();
      consumer
          .partitionsFor(topic)
          .forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (out.size() < count && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }

  private void awaitServing() {
    long deadline = System.currentTimeMillis() + 30_000;
    Exception last = null;
    while (System.currentTimeMillis() < deadline) {
      try (Admin admin =
          Admin.create(
              Map.of(
                  "bootstrap.servers", bootstrapServers(),
                  "request.timeout.ms", "2000",
                  "default.api.timeout.ms", "3000"))) {
        if (!admin.describeCluster().nodes().get().isEmpty()) {
          return;
        }
      } catch (Exception e) {
        last = e;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new IllegalStateException("the local Kafka broker did not start serving", last);
  }

  @Override
  public void close() {
    stopBroker();
    try (Stream<Path> files = Files.walk(logDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
