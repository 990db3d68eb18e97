package io.scoregateway.pipeline;

/**
 * Watches the stages of a score exchange from outside (tracing, metrics): the pipeline and the
 * route run each stage through it and never learn what it records.
 */
public interface ExchangeObserver {
  /** Observes nothing. */
  ExchangeObserver NONE =
      new ExchangeObserver() {
        @Override
        public void allocation(ScoreExchange ex, int lookedUp, Runnable stage) {
          stage.run();
        }

        @Override
        public void answer(ScoreExchange ex, Runnable write) {
          write.run();
        }
      };

  /**
   * Runs the allocation stage: the gates on looked-up state for the {@code lookedUp} candidates,
   * then the slot and frequency limits of the answer.
   */
  void allocation(ScoreExchange ex, int lookedUp, Runnable stage);

  /** Runs the writing of the closed exchange's answer. */
  void answer(ScoreExchange ex, Runnable write);
}
