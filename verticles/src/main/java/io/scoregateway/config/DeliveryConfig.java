package io.scoregateway.config;

/**
 * How delivery writes are confirmed before a 2xx.
 *
 * @param replicas replicas that must acknowledge delivery writes ({@code WAIT}); 0 = do not wait
 * @param waitMs how long {@code WAIT} may take before the deliveries are answered 503
 */
public record DeliveryConfig(int replicas, long waitMs) {
  public static final DeliveryConfig DEFAULTS = new DeliveryConfig(0, 200);
}
