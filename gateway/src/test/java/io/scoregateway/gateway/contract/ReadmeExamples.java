package io.scoregateway.gateway.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The README's HTTP examples: every {@code curl} command of its {@code bash} blocks (method, URL,
 * headers, body), with the answer shown in the {@code json} block right after, if any; and every
 * other {@code json} block.
 */
final class ReadmeExamples {
  /** One curl command; {@code answer} is the JSON shown after it, or null. */
  record Curl(int line, String method, String url, Map<String, String> headers, String body) {}

  record Example(Curl curl, String answer) {}

  final List<Example> curls = new ArrayList<>();

  /** JSON blocks that follow no curl command: each must match one of the document's schemas. */
  final List<String> standaloneJson = new ArrayList<>();

  ReadmeExamples(Path readme) throws IOException {
    List<String> lines = Files.readAllLines(readme);
    Curl lastCurl = null;
    boolean previousBlockHadCurl = false;
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i).strip();
      if (!l.startsWith("```") || l.length() == 3) {
        continue;
      }
      String lang = l.substring(3).strip();
      int start = i + 1;
      int end = start;
      while (!lines.get(end).strip().equals("```")) {
        end++;
      }
      List<String> block = lines.subList(start, end);
      if (lang.equals("bash")) {
        lastCurl = null;
        for (Curl c : curls(block, start + 1)) {
          curls.add(new Example(c, null));
          lastCurl = c;
        }
        previousBlockHadCurl = lastCurl != null;
      } else if (lang.equals("json")) {
        String json = String.join("\n", block);
        if (previousBlockHadCurl) {
          curls.set(curls.size() - 1, new Example(lastCurl, json));
        } else {
          standaloneJson.add(json);
        }
        previousBlockHadCurl = false;
      } else {
        previousBlockHadCurl = false;
      }
      i = end;
    }
  }

  private static List<Curl> curls(List<String> block, int firstLine) {
    List<Curl> out = new ArrayList<>();
    StringBuilder cmd = new StringBuilder();
    int cmdLine = 0;
    for (int i = 0; i < block.size(); i++) {
      String l = block.get(i);
      if (cmd.isEmpty()) {
        if (!l.strip().startsWith("curl ")) {
          continue;
        }
        cmdLine = firstLine + i;
      }
      String s = l.stripTrailing();
      if (s.endsWith("\\")) {
        cmd.append(s, 0, s.length() - 1).append(' ');
        continue;
      }
      // a quoted body may span lines without a backslash
      cmd.append(s);
      if (quotesBalanced(cmd)) {
        out.add(parse(words(cmd.toString()), cmdLine));
        cmd.setLength(0);
      } else {
        cmd.append('\n');
      }
    }
    return out;
  }

  private static boolean quotesBalanced(CharSequence s) {
    int single = 0;
    for (int i = 0; i < s.length(); i++) {
      single += s.charAt(i) == '\'' ? 1 : 0;
    }
    return single % 2 == 0;
  }

  /** Shell words: single-quoted, double-quoted or bare; a comment ends them. */
  private static List<String> words(String cmd) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < cmd.length(); i++) {
      char c = cmd.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          w.append(c);
        }
      } else if (c == '#' && !inWord) {
        break; // a shell comment runs to the end of the command line
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          out.add(w.toString());
          w.setLength(0);
          inWord = false;
        }
      } else {
        w.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      out.add(w.toString());
    }
    return out;
  }

  /** The one command substitution the README uses, as the shell expands it: the time now. */
  static final String DATE_NOW = "$(date -u +%Y-%m-%dT%H:%M:%SZ)";

  private static String stampedNow(String body) {
    return body.replace(
        DATE_NOW,
        java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
  }

  private static Curl parse(List<String> words, int line) {
    String method = null;
    String url = null;
    String body = null;
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < words.size(); i++) {
      String w = words.get(i);
      switch (w) {
        case "-X" -> method = words.get(++i);
        case "-H" -> {
          String h = words.get(++i);
          int colon = h.indexOf(':');
          headers.put(
              h.substring(0, colon).strip().toLowerCase(Locale.ROOT),
              h.substring(colon + 1).strip());
        }
        case "-d", "--data" -> body = stampedNow(words.get(++i));
        default -> {
          if (!w.startsWith("-")) {
            url = w.startsWith("http") ? w : "http://" + w;
          }
        }
      }
    }
    if (method == null) {
      method = body == null ? "GET" : "POST";
    }
    return new Curl(line, method, url, headers, body);
  }
}
