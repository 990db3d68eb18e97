package io.scoregateway.grpc;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.grpc.common.GrpcMessage;
import io.vertx.grpc.common.GrpcMessageDecoder;
import io.vertx.grpc.common.WireFormat;
import java.nio.ByteBuffer;
import java.util.function.Function;

/**
 * A request message as it arrived: the parsed message, or why it could not be parsed. The decoder
 * never throws, so a malformed message is answered INVALID_ARGUMENT with a reason instead of the
 * stream being reset without one.
 */
record Decoded<T>(T message, String error) {

  static <T extends Message> GrpcMessageDecoder<Decoded<T>> decoder(Parser<T> parser, String type) {
    return reading(
        payload -> {
          try {
            // parsed where the bytes are, not from a copy of them
            return parser.parseFrom(bytes(payload));
          } catch (InvalidProtocolBufferException e) {
            return null;
          }
        },
        type);
  }

  /**
   * A decoder over {@code read}, which returns null for bytes that are not a {@code type} message;
   * any encoding but protobuf is refused.
   */
  static <T> GrpcMessageDecoder<Decoded<T>> reading(Function<Buffer, T> read, String type) {
    return new GrpcMessageDecoder<>() {
      @Override
      public Decoded<T> decode(GrpcMessage msg) {
        if (msg.format() != WireFormat.PROTOBUF) {
          return new Decoded<>(null, "request: only the protobuf encoding (application/grpc)");
        }
        T m = read.apply(msg.payload());
        return m == null
            ? new Decoded<>(null, "request: not a valid " + type + " message")
            : new Decoded<>(m, null);
      }

      @Override
      public boolean accepts(WireFormat format) {
        return true;
      }
    };
  }

  private static ByteBuffer bytes(Buffer payload) {
    return payload instanceof BufferInternal b
        ? b.getByteBuf().nioBuffer()
        : ByteBuffer.wrap(payload.getBytes());
  }
}
