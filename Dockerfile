# syntax=docker/dockerfile:1
# The image helm/score-gateway deploys: docker build -t score-gateway:0.1.0 .
# Build stage: the shaded jar from the reactor (gateway and the verticles it depends on).
# Base images pinned to exact releases (a floating tag would change the image under the same
# build); bump them deliberately, and pin by digest (name:tag@sha256:...) where the registry is
# reachable from the build. DockerfileTest refuses a floating tag.
FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# The cache mount keeps ~/.m2 between builds (BuildKit); tests run in CI, not here.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -pl gateway -am package -DskipTests

# Runtime: JRE only, an unprivileged user with a fixed uid (the chart's runAsUser), no shell
# needs at run time; the root filesystem can be mounted read-only (only /tmp is written).
FROM eclipse-temurin:17.0.13_11-jre
RUN groupadd --system --gid 10001 gateway \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin gateway
WORKDIR /app
COPY --from=build --chown=root:root /src/gateway/target/score-gateway.jar /app/score-gateway.jar
USER 10001:10001
# 8080 data plane, 9090 admin API, health and metrics
EXPOSE 8080 9090
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/score-gateway.jar"]
CMD ["serve"]
