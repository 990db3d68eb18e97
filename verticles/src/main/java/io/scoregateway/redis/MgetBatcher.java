package io.scoregateway.redis;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.internal.ContextInternal;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The MGETs asked of one link during one event-loop turn, sent as one command after the turn:
 * requests read from the same poll share one write and Redis runs one command for all of them, not
 * one each. A lone MGET goes out as before, a turn later at most. Each caller's keys stay together
 * and in its order, and it gets back exactly its own values. A merged command holds at most {@value
 * #MAX_KEYS} keys, so one reply stays bounded; beyond that the turn's commands go out pipelined in
 * one write. A failure (the connection, the breaker) fails every caller of the turn, as it would
 * have failed each of them. The merged command is traced under the turn's first caller (a span has
 * one parent): the other callers' hop spans time their wait, without a Redis client span of their
 * own.
 *
 * <p>Belongs to its link's event loop, like the link.
 */
final class MgetBatcher {
  static final int MAX_KEYS = 4096;

  private final Owner owner;
  private final Function<RedisCall, Future<Response>> send;
  private final Function<List<RedisCall>, Future<List<Response>>> batch;
  private List<Waiting> waiting = new ArrayList<>();

  /** The trace context of the turn's first caller: the merged command's span nests there. */
  private Context firstCaller = Context.root();

  /**
   * @param send how the link sends one command
   * @param batch how the link sends several in one write, replies in order
   */
  MgetBatcher(
      Owner owner,
      Function<RedisCall, Future<Response>> send,
      Function<List<RedisCall>, Future<List<Response>>> batch) {
    this.owner = owner;
    this.send = send;
    this.batch = batch;
  }

  private record Waiting(List<String> keys, Promise<Response[]> promise) {}

  /** The keys' values (null where missing), in key order; on the owning event loop only. */
  Future<Response[]> mget(List<String> keys) {
    if (waiting.isEmpty()) {
      firstCaller = Context.current();
      owner.later(this::flush);
    }
    // bound to the caller's (per-request) context: its continuation runs there, its trace and
    // locals current, not in the flush's
    ContextInternal caller = ContextInternal.current();
    Promise<Response[]> promise = caller == null ? Promise.promise() : caller.promise();
    waiting.add(new Waiting(keys, promise));
    return promise.future();
  }

  private void flush() {
    List<Waiting> turn = waiting;
    waiting = new ArrayList<>();
    int n = turn.size();
    int[] commandOf = new int[n];
    int[] offsetOf = new int[n];
    List<RedisCall> commands = new ArrayList<>(1);
    RedisCall current = null;
    int keysInCurrent = 0;
    for (int w = 0; w < n; w++) {
      List<String> keys = turn.get(w).keys();
      if (current == null || keysInCurrent + keys.size() > MAX_KEYS) {
        current = RedisCall.on(Command.MGET, keys.get(0));
        for (int j = 1; j < keys.size(); j++) {
          current.arg(keys.get(j));
        }
        commands.add(current);
        keysInCurrent = 0;
      } else {
        for (String k : keys) {
          current.arg(k);
        }
      }
      commandOf[w] = commands.size() - 1;
      offsetOf[w] = keysInCurrent;
      keysInCurrent += keys.size();
    }
    Future<List<Response>> replies;
    Scope scope = firstCaller.makeCurrent();
    try {
      replies =
          commands.size() == 1 ? send.apply(commands.get(0)).map(List::of) : batch.apply(commands);
    } finally {
      scope.close();
    }
    firstCaller = Context.root();
    replies.onComplete(
        ar -> {
          for (int w = 0; w < n; w++) {
            Waiting caller = turn.get(w);
            if (ar.failed()) {
              caller.promise().fail(ar.cause());
              continue;
            }
            Response reply = ar.result().get(commandOf[w]);
            Response[] values = new Response[caller.keys().size()];
            for (int j = 0; j < values.length; j++) {
              values[j] = reply.get(offsetOf[w] + j);
            }
            caller.promise().complete(values);
          }
        });
  }
}
