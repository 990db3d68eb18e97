package io.scoregateway.gateway.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a YAML file with plain types only; a broken file fails naming the file, line and column.
 */
final class YamlFile {
  private YamlFile() {}

  /**
   * @param what how the message names the setting, e.g. {@code --config}
   */
  static Object load(Path file, String what) {
    try (Reader r = Files.newBufferedReader(file)) {
      return new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
    } catch (NoSuchFileException e) {
      throw new ConfigException(what + ": no such file " + file);
    } catch (IOException e) {
      throw new ConfigException(what + ": cannot read " + file + " (" + e.getMessage() + ")");
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String where =
          mark == null
              ? ""
              : ", line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
      String problem = e.getProblem() != null ? e.getProblem() : String.valueOf(e.getContext());
      throw new ConfigException(what + ": " + file + where + ": not valid YAML (" + problem + ")");
    } catch (YAMLException e) {
      throw new ConfigException(
          what + ": " + file + ": not valid YAML (" + firstLine(e.getMessage()) + ")");
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
