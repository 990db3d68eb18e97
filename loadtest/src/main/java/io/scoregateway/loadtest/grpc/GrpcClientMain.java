package io.scoregateway.loadtest.grpc;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.scoregateway.grpc.v1.ScoreRequest;
import io.scoregateway.grpc.v1.ScoreServiceGrpc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command-line client of the gateway's gRPC data plane (grpc-java, Netty transport), printing
 * answers as JSON with the {@code .proto}'s field names:
 *
 * <pre>
 *   score  --target HOST:PORT [--token T] [--deadline-ms 50] --user U --surface S --market M
 *          [--segment G] [--max-promoted N] [--explain] TRACK...
 *   stream (the same options): ScoreStream, one JSON message per line
 *   health [--service NAME]
 *   load   --target HOST:PORT [--tracks 100000] [--batch 100] [--skewed] [--connections 4]
 *          [--in-flight 8] [--seconds 10] [--deadline-ms 1000] [--cpu-pid PID --clk-tck 100]:
 *          the bench's load driver; with --cpu-pid it reports that process's CPU time too
 * </pre>
 */
public final class GrpcClientMain {
  private GrpcClientMain() {}

  public static void main(String[] argv) throws Exception {
    if (argv.length == 0 || argv[0].equals("--help")) {
      usage(0);
    }
    Map<String, String> opts = new HashMap<>();
    List<String> rest = new ArrayList<>();
    for (int i = 1; i < argv.length; i++) {
      String a = argv[i];
      if (a.equals("--explain") || a.equals("--skewed")) {
        opts.put(a, "true");
      } else if (a.startsWith("--")) {
        if (i + 1 >= argv.length) {
          fail(a + " needs a value");
        }
        opts.put(a, argv[++i]);
      } else {
        rest.add(a);
      }
    }
    String target = opts.getOrDefault("--target", "127.0.0.1:50051");
    List<ManagedChannel> channels = new ArrayList<>();
    int connections = argv[0].equals("load") ? intOpt(opts, "--connections", 4) : 1;
    for (int i = 0; i < connections; i++) {
      // one channel per connection: grpc-java keeps one HTTP/2 connection per channel
      channels.add(NettyChannelBuilder.forTarget(target).usePlaintext().build());
    }
    try {
      for (ManagedChannel c : channels) {
        connect(c);
      }
      Channel ch = withToken(channels.get(0), opts.get("--token"));
      long deadlineMs = intOpt(opts, "--deadline-ms", argv[0].equals("load") ? 1000 : 50);
      switch (argv[0]) {
        // the request is built, and the client's own call path run once (a health check), before
        // the deadline starts: in a cold JVM that alone takes
        // longer than a 50 ms deadline, which is meant to measure the gateway
        case "score" -> {
          ScoreRequest req = request(opts, rest);
          warm(ch);
          print(
              ScoreServiceGrpc.newBlockingStub(ch)
                  .withDeadlineAfter(deadlineMs, TimeUnit.MILLISECONDS)
                  .score(req));
        }
        case "stream" -> {
          ScoreRequest req = request(opts, rest);
          warm(ch);
          ScoreServiceGrpc.newBlockingStub(ch)
              .withDeadlineAfter(deadlineMs, TimeUnit.MILLISECONDS)
              .scoreStream(req)
              .forEachRemaining(GrpcClientMain::print);
        }
        case "health" -> System.out.println(Health.check(ch, opts.getOrDefault("--service", "")));
        case "load" ->
            System.out.println(
                new GrpcLoad(
                        channels,
                        intOpt(opts, "--tracks", 100_000),
                        intOpt(opts, "--batch", 100),
                        opts.containsKey("--skewed"),
                        intOpt(opts, "--in-flight", 8),
                        deadlineMs)
                    .run(
                        Double.parseDouble(opts.getOrDefault("--seconds", "10")),
                        opts.containsKey("--cpu-pid")
                            ? new ProcessCpu(
                                intOpt(opts, "--cpu-pid", 0), intOpt(opts, "--clk-tck", 100))
                            : null));
        default -> usage(2);
      }
    } catch (StatusRuntimeException e) {
      System.err.println(
          e.getStatus().getCode() + ": " + String.valueOf(e.getStatus().getDescription()));
      System.exit(1);
    } finally {
      for (ManagedChannel c : channels) {
        c.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  /** Runs one call through the client's stack (classes loaded, connection's streams used). */
  private static void warm(Channel ch) {
    Health.check(ch, "");
  }

  /**
   * Connects before the first call, so the call's deadline measures the gateway, not name
   * resolution and the TCP and HTTP/2 handshakes.
   */
  private static void connect(ManagedChannel c) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (c.getState(true) != ConnectivityState.READY) {
      if (System.nanoTime() > until) {
        fail("cannot connect to " + c.authority());
      }
      Thread.sleep(5);
    }
  }

  private static ScoreRequest request(Map<String, String> opts, List<String> tracks) {
    ScoreRequest.Builder b =
        ScoreRequest.newBuilder()
            .setUser(opts.getOrDefault("--user", ""))
            .setSurface(opts.getOrDefault("--surface", ""))
            .setMarket(opts.getOrDefault("--market", ""))
            .setSegment(opts.getOrDefault("--segment", ""))
            .setExplain(opts.containsKey("--explain"))
            .addAllCandidates(tracks);
    if (opts.containsKey("--max-promoted")) {
      b.setMaxPromoted(intOpt(opts, "--max-promoted", 0));
    }
    return b.build();
  }

  private static Channel withToken(Channel ch, String token) {
    if (token == null) {
      return ch;
    }
    Metadata m = new Metadata();
    m.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
    return ClientInterceptors.intercept(ch, MetadataUtils.newAttachHeadersInterceptor(m));
  }

  private static void print(MessageOrBuilder m) {
    try {
      System.out.println(
          JsonFormat.printer()
              .preservingProtoFieldNames()
              .omittingInsignificantWhitespace()
              .print(m));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int intOpt(Map<String, String> opts, String name, int fallback) {
    String v = opts.get(name);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      fail(name + " must be a whole number, got '" + v + "'");
      return fallback;
    }
  }

  private static void fail(String message) {
    System.err.println(message);
    System.exit(2);
  }

  private static void usage(int rc) {
    System.err.println(
        "usage: score|stream|health|load --target HOST:PORT [options] (see the class comment)");
    System.exit(rc);
  }
}
