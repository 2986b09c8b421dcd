# Firebreak in one JVM with the JDK's AOT cache (docs/deployment.md).
#   docker build -t firebreak . && docker run -p 8080:8080 -v firebreak:/var/lib/firebreak \
#     -e FIREBREAK_ADMIN_PASSWORD=change-me firebreak
# scripts/dockerfile-steps.sh runs this file's steps on a machine without Docker (the tests do).
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -DskipTests -Dfirebreak.aot.skip package

# The same JDK trains the cache and runs it: a cache from another JVM, or made at another path,
# is ignored.
FROM eclipse-temurin:25-jdk
RUN useradd --system --user-group --home-dir /var/lib/firebreak --create-home firebreak
COPY --from=build /src/target/firebreak.jar /opt/firebreak/firebreak.jar
RUN java -cp /opt/firebreak/firebreak.jar dev.firebreak.launch.AotCache /opt/firebreak/firebreak.jar
USER firebreak
WORKDIR /var/lib/firebreak
ENV FIREBREAK_DATA_DIR=/var/lib/firebreak
VOLUME /var/lib/firebreak
EXPOSE 8080
STOPSIGNAL SIGTERM
ENTRYPOINT ["java", "-XX:AOTCache=/opt/firebreak/firebreak-aot/server.aot", "-XX:+UseSerialGC", "-Xms32m", "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xss512k", "-jar", "/opt/firebreak/firebreak-aot/app/firebreak.jar", "serve"]
