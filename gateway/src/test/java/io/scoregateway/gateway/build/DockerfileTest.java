package io.scoregateway.gateway.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every base image of the Dockerfile is pinned: a digest, or a tag naming an exact release. */
class DockerfileTest {
  @Test
  void baseImagesArePinned() throws Exception {
    Path dockerfile = Path.of("..", "Dockerfile");
    List<String> images =
        Files.readAllLines(dockerfile).stream()
            .filter(l -> l.startsWith("FROM "))
            .map(l -> l.split("\\s+", -1)[1])
            .toList();
    assertThat(images).isNotEmpty();
    for (String image : images) {
      boolean digest = image.matches(".+@sha256:[0-9a-f]{64}");
      // an exact release: major.minor.patch somewhere in the tag (3.9.9-eclipse-temurin-17,
      // 17.0.13_11-jre)
      boolean exactTag = image.matches("[^:@]+:[^@]*\\d+\\.\\d+\\.\\d+[^@]*");
      assertThat(digest || exactTag).as("%s is pinned (exact tag or digest)", image).isTrue();
    }
  }
}
