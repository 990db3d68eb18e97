package io.scoregateway.grpc;

import io.scoregateway.grpc.v1.Reason;
import io.scoregateway.model.Arm;
import io.scoregateway.pipeline.HoldoutScope;
import java.util.function.ToIntFunction;

/**
 * The {@code scoregateway.v1} wire number of each engine reason, arm and holdout scope, matched by
 * name ({@code PACED} is {@code REASON_PACED}); a constant without a counterpart fails at class
 * load. Shared by the gRPC answers and the exposure log's protobuf messages.
 */
// indexed by ordinal within this process only (built from the constants at class load, never
// stored or sent): an array read per result instead of a map lookup and an unboxing
@SuppressWarnings("EnumOrdinal")
public final class WireEnums {
  private static final int[] REASONS =
      byName(io.scoregateway.model.Reason.class, n -> Reason.valueOf("REASON_" + n).getNumber());

  private static final int[] ARMS =
      byName(Arm.class, n -> io.scoregateway.grpc.v1.Arm.valueOf("ARM_" + n).getNumber());

  private static final int[] HOLDOUTS =
      byName(
          HoldoutScope.class,
          n -> io.scoregateway.grpc.v1.HoldoutScope.valueOf("HOLDOUT_SCOPE_" + n).getNumber());

  private WireEnums() {}

  public static int reason(io.scoregateway.model.Reason r) {
    return REASONS[r.ordinal()];
  }

  public static int arm(Arm a) {
    return ARMS[a.ordinal()];
  }

  public static int holdout(HoldoutScope h) {
    return HOLDOUTS[h.ordinal()];
  }

  private static <E extends Enum<E>> int[] byName(Class<E> type, ToIntFunction<String> wire) {
    E[] constants = type.getEnumConstants();
    int[] out = new int[constants.length];
    for (E e : constants) {
      out[e.ordinal()] = wire.applyAsInt(e.name());
    }
    return out;
  }
}
