package io.scoregateway.pipeline;

import io.scoregateway.model.Reason;
import java.util.Arrays;

/**
 * What each decision of an exchange was made from, beyond the decision: the base score and pass
 * rate (kept only when asked, for the exposure log) and, for a held-out candidate, its holdout and
 * the decision it would have had. NaN where a value was not looked up.
 */
public final class DecisionInputs {
  /** Nothing kept and nobody held out: what an exchange that needed neither reads. */
  static final DecisionInputs NONE = new DecisionInputs(0);

  private final int size;
  private double[] baseScores;
  private double[] passRates;
  private HoldoutScope[] holdouts;
  private Reason[] wouldBe;
  private double[] wouldBeScores;

  DecisionInputs(int size) {
    this.size = size;
  }

  /** From now on base scores and pass rates are kept. */
  void keep() {
    if (baseScores == null) {
      baseScores = nans(size);
      passRates = nans(size);
    }
  }

  void looked(int i, double baseScore, double passRate) {
    if (baseScores != null) {
      baseScores[i] = baseScore;
      passRates[i] = passRate;
    }
  }

  void heldOut(int i, HoldoutScope scope, Reason reason, double score) {
    if (holdouts == null) {
      holdouts = new HoldoutScope[size];
      wouldBe = new Reason[size];
      wouldBeScores = new double[size];
    }
    holdouts[i] = scope;
    wouldBe[i] = reason;
    wouldBeScores[i] = score;
  }

  /** A held-out promotion that the answer's limits would have taken away. */
  void wouldLose(int i, Reason reason) {
    wouldBe[i] = reason;
    wouldBeScores[i] = 0;
  }

  public double baseScore(int i) {
    return baseScores == null ? Double.NaN : baseScores[i];
  }

  /** The campaign's pass rate when decided: the promotion's propensity. */
  public double passRate(int i) {
    return passRates == null ? Double.NaN : passRates[i];
  }

  /** True when anything in the exchange was held out. */
  public boolean anyHeldOut() {
    return holdouts != null;
  }

  /** The holdout that kept this candidate from promotion, or null. */
  public HoldoutScope holdout(int i) {
    return holdouts == null ? null : holdouts[i];
  }

  /** For a held-out candidate, the decision it would have had; else null. */
  public Reason wouldBe(int i) {
    return wouldBe == null ? null : wouldBe[i];
  }

  /** A ghost exposure: held out, and would have been promoted. */
  public boolean ghost(int i) {
    return wouldBe(i) == Reason.PROMOTED;
  }

  /** The score a ghost would have had; 0 for anything else. */
  double wouldBeScore(int i) {
    return wouldBeScores == null ? 0 : wouldBeScores[i];
  }

  private static double[] nans(int n) {
    double[] a = new double[n];
    Arrays.fill(a, Double.NaN);
    return a;
  }
}
