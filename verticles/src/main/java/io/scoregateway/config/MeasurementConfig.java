package io.scoregateway.config;

import io.scoregateway.model.Holdout;
import java.util.Map;

/**
 * What measures promotion's effect: the surfaces that hold out a share of listeners from every
 * campaign, and the exposure log.
 *
 * @param surfaceHoldouts surface name to its holdout (share and salt)
 * @param exposure where every enrolled decision is recorded
 */
public record MeasurementConfig(Map<String, Holdout> surfaceHoldouts, ExposureConfig exposure) {
  public static final MeasurementConfig DEFAULTS =
      new MeasurementConfig(Map.of(), ExposureConfig.DEFAULTS);

  public MeasurementConfig {
    surfaceHoldouts = Map.copyOf(surfaceHoldouts);
  }

  public MeasurementConfig withExposure(ExposureConfig e) {
    return new MeasurementConfig(surfaceHoldouts, e);
  }

  public MeasurementConfig withSurfaceHoldouts(Map<String, Holdout> holdouts) {
    return new MeasurementConfig(holdouts, exposure);
  }
}
