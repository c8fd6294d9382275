# Build: docker build -t signflow .   (docker-compose.yml does this for you)
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -q -B dependency:go-offline
COPY bpmn bpmn
COPY src src
RUN ./mvnw -q -B -DskipTests package && cp target/signflow-*.jar /signflow.jar

FROM eclipse-temurin:17-jre
# a CJK font so that Chinese names, dates and seals are drawn in sealed PDFs and seal images, and
# evidence reports are written in it (embedded)
RUN apt-get update && apt-get install -y --no-install-recommends fonts-wqy-microhei && rm -rf /var/lib/apt/lists/*
RUN useradd --system --home /var/lib/signflow signflow && mkdir -p /var/lib/signflow && chown signflow /var/lib/signflow
USER signflow
WORKDIR /var/lib/signflow
COPY --from=build /signflow.jar /opt/signflow/signflow.jar
ENV SIGNFLOW_DATA_DIR=/var/lib/signflow
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/signflow/signflow.jar"]
