package io.scoregateway.codec;

/** Bad input, naming the offending field; stackless because it is an expected outcome. */
public final class InvalidInput extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String field;

  public InvalidInput(String field, String message) {
    super(field + ": " + message, null, false, false);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
