package io.scoregateway.grpc;

import io.scoregateway.grpc.v1.Reason;
import io.scoregateway.model.Arm;
import io.scoregateway.pipeline.HoldoutScope;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The {@code scoregateway.v1} wire number of each engine reason, arm and holdout scope, matched by
 * name ({@code PACED} is {@code REASON_PACED}); a constant without a counterpart fails at class
 * load. Shared by the gRPC answers and the exposure log's protobuf messages.
 */
public final class WireEnums {
  private static final Map<io.scoregateway.model.Reason, Integer> REASONS =
      byName(io.scoregateway.model.Reason.class, n -> Reason.valueOf("REASON_" + n).getNumber());

  private static final Map<Arm, Integer> ARMS =
      byName(Arm.class, n -> io.scoregateway.grpc.v1.Arm.valueOf("ARM_" + n).getNumber());

  private static final Map<HoldoutScope, Integer> HOLDOUTS =
      byName(
          HoldoutScope.class,
          n -> io.scoregateway.grpc.v1.HoldoutScope.valueOf("HOLDOUT_SCOPE_" + n).getNumber());

  private WireEnums() {}

  public static int reason(io.scoregateway.model.Reason r) {
    return REASONS.get(r);
  }

  public static int arm(Arm a) {
    return ARMS.get(a);
  }

  public static int holdout(HoldoutScope h) {
    return HOLDOUTS.get(h);
  }

  private static <E extends Enum<E>> Map<E, Integer> byName(
      Class<E> type, ToIntFunction<String> wire) {
    Map<E, Integer> out = new EnumMap<>(type);
    for (E e : type.getEnumConstants()) {
      out.put(e, wire.applyAsInt(e.name()));
    }
    return out;
  }
}
