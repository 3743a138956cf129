# pagelens container image: built with Maven and a JDK, run on Temurin 25's JRE with Debian's Chromium headless shell,
# as the non-root user pagelens, under tini. Every install and run step is docker/image.sh, which bench/image-check
# verifies in a fresh debootstrap root (no Docker daemon runs where pagelens is developed).
#   docker build -t pagelens --build-arg SOURCE_VERSION=$(git rev-parse --short=12 HEAD) .
#   docker run --rm -p 8080:8080 -v pagelens-data:/data -e PAGELENS_API_KEYS=admin:$(openssl rand -hex 32) pagelens

FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /src
COPY pom.xml ./
COPY .mvn .mvn
RUN mvn -B -q dependency:go-offline
COPY bin bin
COPY src src
ARG SOURCE_VERSION=
# the AOT cache is trained in the run stage instead: the JVM refuses a cache made by another runtime image
RUN SOURCE_VERSION="$SOURCE_VERSION" mvn -B -q -DskipTests -Dpagelens.aot.skip=true package

FROM eclipse-temurin:25-jre AS jre

FROM debian:bookworm-slim
ENV JAVA_HOME=/opt/java/openjdk
ENV PATH=/opt/java/openjdk/bin:$PATH
COPY --from=jre /opt/java/openjdk /opt/java/openjdk
COPY docker/image.sh /opt/pagelens/docker/image.sh
RUN /opt/pagelens/docker/image.sh install
COPY --from=build /src/target/pagelens.jar /opt/pagelens/pagelens.jar
COPY --from=build /src/target/lib /opt/pagelens/lib
COPY bin/pagelens bin/jvm-flags.sh bin/aot-lib.sh bin/aot-train /opt/pagelens/bin/
RUN /opt/pagelens/docker/image.sh train

USER pagelens
ENV PORT=8080 PAGELENS_DATA=/data
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["/opt/pagelens/docker/image.sh", "health"]
# tini is PID 1: it forwards SIGTERM to the JVM and reaps the orphans Chromium leaves behind (bench/image-check)
ENTRYPOINT ["/usr/bin/tini", "--", "/opt/pagelens/docker/image.sh", "run"]
CMD ["serve"]
