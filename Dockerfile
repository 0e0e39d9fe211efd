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
ENTRYPOINT ["java", "-jar", "/opt/waymark/waymark.jar"]
