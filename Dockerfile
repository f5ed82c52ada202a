# Build with the Maven wrapper, run the packaged jar on a JRE as an unprivileged user.
#   docker build -t commissioning-workflows .

FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
# Dependencies first, so a change to the sources does not download them all again.
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
# The tests need PostgreSQL and run in CI (.ci/run), not in the image build.
RUN ./mvnw -B -ntp -DskipTests package \
 && cp target/commissioning-workflows-*.jar /build/app.jar

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /app --shell /usr/sbin/nologin app \
 && mkdir -p /app \
 && chown app:app /app
WORKDIR /app
COPY --from=build --chown=app:app /build/app.jar app.jar
# Numeric, so platforms that insist on a non-root user can check it without reading /etc/passwd.
USER 10001:10001
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
