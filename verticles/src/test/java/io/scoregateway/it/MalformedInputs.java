package io.scoregateway.it;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.vertx.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Building blocks for malformed request bodies, all driven by one {@link Random} so a failing
 * sample is reproducible from its seed. Bodies are assembled as text (not through a JSON library)
 * so they can carry duplicated keys, bare NaN, leading zeros and the like.
 */
final class MalformedInputs {
  private MalformedInputs() {}

  static final String ID_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._:-";

  /**
   * Characters an id may not contain: separators, Redis hash-tag braces, glob and control chars,
   * non-ASCII.
   */
  static final String FORBIDDEN =
      " /\\{}[]*?#%&+=,;!@$^()<>|~`'\"\t\n\r\u0000\u0007\u007f\u00a0\u00e9\u00df\u0130\u4e2d\u200b\ufeff";

  /** A key-injection flavoured list: hash tags, wildcards, RESP line breaks. */
  static final List<String> NASTY_IDS =
      List.of(
          "{c:x}",
          "c}{u:1",
          "{u:victim}",
          "*",
          "c?",
          "a b",
          "\r\nFLUSHALL\r\n",
          "x\u0000y",
          "../c1",
          "c1/..",
          "%2e%2e",
          "$(id)",
          "'; DROP",
          "\u202e1c",
          "c\u0301",
          "\ud83d\ude00",
          "{}",
          "[c]");

  static String validId(Random r) {
    int n = 1 + r.nextInt(20);
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(ID_CHARS.charAt(r.nextInt(ID_CHARS.length())));
    }
    return b.toString();
  }

  static char forbiddenChar(Random r) {
    if (r.nextInt(3) > 0) {
      return FORBIDDEN.charAt(r.nextInt(FORBIDDEN.length()));
    }
    while (true) {
      char c = (char) r.nextInt(0xD800);
      if (ID_CHARS.indexOf(c) < 0) {
        return c;
      }
    }
  }

  /**
   * A string that is not an id: empty, too long, a forbidden char somewhere, or a key-injection
   * attempt.
   */
  static String badId(Random r) {
    return switch (r.nextInt(6)) {
      case 0 -> "";
      case 1 -> validId(r) + "x".repeat(129);
      case 2 -> NASTY_IDS.get(r.nextInt(NASTY_IDS.size()));
      default -> {
        String a = validId(r);
        int at = r.nextInt(a.length() + 1);
        yield a.substring(0, at) + forbiddenChar(r) + a.substring(at);
      }
    };
  }

  static String str(String s) {
    return Json.encode(s);
  }

  /** JSON values of every type, to be filtered by the caller for the wrong ones. */
  enum JsonType {
    STRING,
    NUMBER,
    BOOLEAN,
    NULL,
    ARRAY,
    OBJECT
  }

  static String valueOf(JsonType t, Random r) {
    return switch (t) {
      case STRING -> str(r.nextBoolean() ? validId(r) : badId(r));
      case NUMBER ->
          switch (r.nextInt(4)) {
            case 0 -> Integer.toString(r.nextInt());
            case 1 -> Double.toString(r.nextGaussian() * 1e3);
            case 2 -> "1e308";
            default -> "-0";
          };
      case BOOLEAN -> Boolean.toString(r.nextBoolean());
      case NULL -> "null";
      case ARRAY -> r.nextBoolean() ? "[]" : "[" + str(validId(r)) + ",1,null]";
      case OBJECT -> r.nextBoolean() ? "{}" : "{\"a\":" + str(validId(r)) + "}";
    };
  }

  /** A value of any JSON type except {@code allowed} (and except null when {@code nullAllowed}). */
  static String wrongType(Random r, boolean nullAllowed, JsonType... allowed) {
    List<JsonType> ok = new ArrayList<>(List.of(JsonType.values()));
    ok.removeAll(List.of(allowed));
    if (nullAllowed) {
      ok.remove(JsonType.NULL);
    }
    return valueOf(ok.get(r.nextInt(ok.size())), r);
  }

  /** Tokens Jackson refuses by default: they make the whole document malformed. */
  static final List<String> NON_JSON_NUMBERS =
      List.of(
          "NaN",
          "-NaN",
          "Infinity",
          "-Infinity",
          "+1",
          "01",
          "0x1F",
          ".5",
          "1.",
          "1e",
          "--1",
          "1_000",
          "undefined");

  /** Nested arrays/objects {@code depth} levels deep. */
  static String nested(int depth, Random r) {
    boolean objects = r.nextBoolean();
    StringBuilder b = new StringBuilder(depth * 6);
    for (int i = 0; i < depth; i++) {
      b.append(objects ? "{\"a\":" : "[");
    }
    b.append('1');
    for (int i = 0; i < depth; i++) {
      b.append(objects ? '}' : ']');
    }
    return b.toString();
  }

  /** Only openers: a document that never ends. */
  static String unbalanced(int depth, Random r) {
    return (r.nextBoolean() ? "[" : "{\"a\":").repeat(depth);
  }

  /** A JSON object from ordered (name, raw value) pairs; names may repeat. */
  static String object(List<String[]> fields) {
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(str(fields.get(i)[0])).append(':').append(fields.get(i)[1]);
    }
    return b.append('}').toString();
  }

  static String[] field(String name, String raw) {
    return new String[] {name, raw};
  }

  static List<String[]> copy(List<String[]> fields) {
    List<String[]> out = new ArrayList<>();
    for (String[] f : fields) {
      out.add(f.clone());
    }
    return out;
  }

  static void set(List<String[]> fields, String name, String raw) {
    for (String[] f : fields) {
      if (f[0].equals(name)) {
        f[1] = raw;
        return;
      }
    }
    fields.add(field(name, raw));
  }

  static String get(List<String[]> fields, String name) {
    for (String[] f : fields) {
      if (f[0].equals(name)) {
        return f[1];
      }
    }
    return null;
  }

  static void remove(List<String[]> fields, String name) {
    fields.removeIf(f -> f[0].equals(name));
  }

  /**
   * Adds 1..3 fields the endpoint does not know (harmless alone; the body is already defective).
   */
  static void addUnknownFields(List<String[]> fields, Set<String> known, Random r) {
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n; i++) {
      String name = "x_" + validId(r);
      if (!known.contains(name)) {
        JsonType t = JsonType.values()[r.nextInt(JsonType.values().length)];
        fields.add(r.nextInt(fields.size() + 1), field(name, valueOf(t, r)));
      }
    }
  }

  /**
   * Makes a syntactically broken variant of a valid document: truncated, a structural character
   * replaced or deleted, garbage after the end, a bare non-JSON number, random bytes, or a
   * top-level value that is not an object. Never returns well-formed JSON object text.
   */
  static byte[] broken(String valid, Random r) {
    String out =
        switch (r.nextInt(7)) {
          case 0 -> valid.substring(0, r.nextInt(valid.length()));
          case 1 -> garble(valid, r);
          case 2 ->
              valid + List.of("x", "}", "]", "1", "{}", "\"a\"", ",", "null").get(r.nextInt(8));
          case 3 ->
              valid.replaceFirst(
                  ":", ":" + NON_JSON_NUMBERS.get(r.nextInt(NON_JSON_NUMBERS.size())) + ",\"zz\":");
          case 4 -> null;
          case 5 ->
              List.of(
                      "[]",
                      "[" + valid + "]",
                      "1",
                      "\"" + "x".repeat(r.nextInt(40)) + "\"",
                      "null",
                      "true",
                      "false",
                      "-1.5e3")
                  .get(r.nextInt(8));
          default -> "\u00ef\u00bb" + valid; // a half byte-order mark before the document
        };
    if (out == null) {
      byte[] bytes = new byte[r.nextInt(2048)];
      r.nextBytes(bytes);
      return bytes;
    }
    if (out.startsWith("{") && isWellFormedObject(out)) {
      out = valid.substring(0, valid.length() - 1);
    }
    return out.getBytes(StandardCharsets.UTF_8);
  }

  /** Replaces or deletes one structural character that is not inside a string literal. */
  static String garble(String json, Random r) {
    List<Integer> positions = new ArrayList<>();
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          positions.add(i);
          inString = false;
        }
      } else if ("{}[]:,\"".indexOf(c) >= 0) {
        positions.add(i);
        inString = c == '"';
      }
    }
    int at = positions.get(r.nextInt(positions.size()));
    String structural = "{}[]:,\"";
    String replacement = "";
    if (r.nextBoolean()) {
      char c;
      do {
        c = structural.charAt(r.nextInt(structural.length()));
      } while (c == json.charAt(at));
      replacement = String.valueOf(c);
    }
    return json.substring(0, at) + replacement + json.substring(at + 1);
  }

  private static final JsonFactory LENIENT =
      JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(100_000).build())
          .build();

  /** True when {@code s} is exactly one well-formed JSON object. */
  static boolean isWellFormedObject(String s) {
    try (JsonParser p = LENIENT.createParser(s)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      p.skipChildren();
      return p.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }
}
