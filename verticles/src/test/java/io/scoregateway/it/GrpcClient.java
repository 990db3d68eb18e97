package io.scoregateway.it;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.scoregateway.grpc.v1.ScoreServiceGrpc;
import io.vertx.grpc.health.v1.HealthCheckRequest;
import io.vertx.grpc.health.v1.HealthCheckResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real grpc-java client (Netty transport, HTTP/2 with prior knowledge) to a test gateway's gRPC
 * port, with the bearer token as metadata; it also remembers the last call's headers and trailers.
 */
final class GrpcClient implements AutoCloseable {
  static final MethodDescriptor<HealthCheckRequest, HealthCheckResponse> HEALTH_CHECK =
      MethodDescriptor.<HealthCheckRequest, HealthCheckResponse>newBuilder()
          .setType(MethodDescriptor.MethodType.UNARY)
          .setFullMethodName("grpc.health.v1.Health/Check")
          .setRequestMarshaller(ProtoUtils.marshaller(HealthCheckRequest.getDefaultInstance()))
          .setResponseMarshaller(ProtoUtils.marshaller(HealthCheckResponse.getDefaultInstance()))
          .build();

  final ManagedChannel channel;
  final AtomicReference<Metadata> lastHeaders = new AtomicReference<>();
  final AtomicReference<Metadata> lastTrailers = new AtomicReference<>();

  GrpcClient(int port) {
    channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
  }

  /** The channel with {@code authorization: Bearer <token>} on every call (none when null). */
  Channel channel(String token) {
    return withAuthorization(token == null ? null : "Bearer " + token);
  }

  /** The channel with this {@code authorization} value on every call (none when null). */
  Channel withAuthorization(String value) {
    Channel c = ClientInterceptors.intercept(channel, new Recorder());
    if (value == null) {
      return c;
    }
    Metadata m = new Metadata();
    m.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), value);
    return ClientInterceptors.intercept(c, MetadataUtils.newAttachHeadersInterceptor(m));
  }

  ScoreServiceGrpc.ScoreServiceBlockingStub blocking(String token) {
    return ScoreServiceGrpc.newBlockingStub(channel(token));
  }

  ScoreServiceGrpc.ScoreServiceBlockingStub blocking() {
    return blocking(null);
  }

  HealthCheckResponse.ServingStatus health(String service) {
    return ClientCalls.blockingUnaryCall(
            channel(null),
            HEALTH_CHECK,
            CallOptions.DEFAULT.withDeadlineAfter(20, TimeUnit.SECONDS),
            HealthCheckRequest.newBuilder().setService(service).build())
        .getStatus();
  }

  /** Sends {@code body} as the request message of {@code method}, unparsed by the client. */
  byte[] raw(String fullMethodName, byte[] body, String token) {
    MethodDescriptor<byte[], byte[]> m =
        MethodDescriptor.<byte[], byte[]>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName(fullMethodName)
            .setRequestMarshaller(BYTES)
            .setResponseMarshaller(BYTES)
            .build();
    return ClientCalls.blockingUnaryCall(
        channel(token), m, CallOptions.DEFAULT.withDeadlineAfter(20, TimeUnit.SECONDS), body);
  }

  /** The status a call failed with. */
  static Status statusOf(Runnable call) {
    try {
      call.run();
    } catch (StatusRuntimeException e) {
      return e.getStatus();
    }
    throw new AssertionError("the call succeeded");
  }

  @Override
  public void close() {
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the channel is shut down; stop waiting for it
    }
  }

  static final MethodDescriptor.Marshaller<byte[]> BYTES =
      new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
          return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
          try {
            return stream.readAllBytes();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };

  /** Keeps the headers and trailers of the last call. */
  private final class Recorder implements ClientInterceptor {
    @Override
    public <Q, A> ClientCall<Q, A> interceptCall(
        MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
      return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
        @Override
        public void start(Listener<A> listener, Metadata headers) {
          super.start(
              new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
                @Override
                public void onHeaders(Metadata h) {
                  lastHeaders.set(h);
                  super.onHeaders(h);
                }

                @Override
                public void onClose(Status status, Metadata trailers) {
                  lastTrailers.set(trailers);
                  super.onClose(status, trailers);
                }
              },
              headers);
        }
      };
    }
  }
}
