# Build: docker build -t waymark .   Run: see docker-compose.yml
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q -DskipTests package && cp target/waymark-*.jar /waymark.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --home /var/lib/waymark waymark && mkdir -p /var/lib/waymark && chown waymark /var/lib/waymark
USER waymark
WORKDIR /var/lib/waymark
COPY --from=build /waymark.jar /opt/waymark/waymark.jar
# 8080: REST API and dashboard; 1883: the embedded MQTT broker (when enabled)
EXPOSE 8080 1883
# The recommended JVM options (README, "Memory and JVM options"; bench/run.sh uses these lines):
# a 256 MB heap, the serial collector, smaller code cache and stacks, one Netty arena, native memory given back,
# and thread priorities passed to Linux (ingestion runs at nice 10, below the API; the JIT at nice 0, even as root).
ENV MALLOC_ARENA_MAX=2
ENV JAVA_OPTS="-Xms128m -Xmx256m -Xmn48m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -Xss512k -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=5000 -Dio.netty.allocator.numDirectArenas=1 -Dio.netty.allocator.numHeapArenas=1 -XX:ThreadPriorityPolicy=1 -XX:JavaPriority1_To_OSPriority=10 -XX:CompilerThreadPriority=0"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /opt/waymark/waymark.jar \"$@\"", "waymark"]
