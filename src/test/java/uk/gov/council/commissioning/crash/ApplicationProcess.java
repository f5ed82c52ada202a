package uk.gov.council.commissioning.crash;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import uk.gov.council.commissioning.testkit.PostgresTestDatabase;

/**
 * The packaged application run as a process of its own, as a council runs it: profiles {@code
 * postgres,demo} (the demo's users and contracts), the job executor on, its email to the test's
 * SMTP sink, its output in {@code target/process-tests/<name>.log}. Settings shorten what a node
 * that died holds back (the job lock, the outbox claim) so that a test can wait for them.
 */
final class ApplicationProcess implements AutoCloseable {

  /** The demo provider user and one of its running contracts. */
  static final String PROVIDER_USER = "vibrance";

  static final String PROVIDER_PASSWORD = "demo";
  static final String CONTRACT = "ADV-2020-01";

  /** A job locked by a node that died is taken again this long after it was locked. */
  static final Duration JOB_LOCK_TIME = Duration.ofSeconds(10);

  /** A batch of email claimed by a node that died goes back to the queue after this. */
  static final Duration OUTBOX_CLAIM_TIMEOUT = Duration.ofSeconds(10);

  private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(5);

  private final String name;
  private final int port;
  private final Process process;
  private final Path log;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ApplicationProcess(String name, int port, Process process, Path log) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.log = log;
  }

  /**
   * Launches a node; {@code name} is also its engine host name (in the job log) and the name its
   * mail connections give in EHLO, so a test can tell which node did what.
   */
  static ApplicationProcess launch(
      String name, PostgresTestDatabase database, int smtpPort, String... moreArguments)
      throws IOException {
    Path jar = jar();
    int port = freePort();
    Path logs = Path.of("target", "process-tests");
    Files.createDirectories(logs);
    Path log = logs.resolve(name + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Small and quick to start: the tests run two at once on a small machine.
    command.addAll(List.of("-Xms128m", "-Xmx448m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    command.addAll(List.of("-jar", jar.toString()));
    command.addAll(
        List.of(
            "--spring.profiles.active=postgres,demo",
            "--spring.datasource.url=" + database.jdbcUrl(),
            "--spring.datasource.username=" + database.user(),
            "--spring.datasource.password=" + database.password(),
            "--server.port=" + port,
            "--spring.main.banner-mode=off",
            "--spring.mail.host=127.0.0.1",
            "--spring.mail.port=" + smtpPort,
            "--spring.mail.properties.mail.smtp.localhost=" + name,
            "--commissioning.mail.catcher.enabled=false",
            "--commissioning.mail.dispatch-interval=PT1S",
            "--commissioning.mail.delivery.claim-timeout=" + OUTBOX_CLAIM_TIMEOUT,
            "--camunda.bpm.job-execution.enabled=true",
            "--camunda.bpm.job-execution.lock-time-in-millis=" + JOB_LOCK_TIME.toMillis(),
            "--camunda.bpm.job-execution.max-wait=2000",
            "--camunda.bpm.generic-properties.properties.hostname=" + name));
    command.addAll(List.of(moreArguments));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    return new ApplicationProcess(name, port, builder.start(), log);
  }

  static Path jar() {
    String configured = System.getProperty("applicationJar");
    Path jar =
        configured != null
            ? Path.of(configured)
            : Path.of("target", "commissioning-workflows-0.1.0-SNAPSHOT.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "No application jar at " + jar.toAbsolutePath() + ": run these tests with mvn verify");
    }
    return jar;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  String name() {
    return name;
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  static String basicAuthorization() {
    return basicAuthorization(PROVIDER_USER);
  }

  /** A demo user's sign-in (every demo user has the demo password). */
  static String basicAuthorization(String demoUser) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((demoUser + ":" + PROVIDER_PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Waits until the node answers its health check and the demo provider can read the incident
   * process (its users and models are in place).
   */
  void awaitReady() throws InterruptedException {
    long until = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    while (System.nanoTime() < until) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " stopped while starting (exit " + process.exitValue() + "); " + tail());
      }
      if (answers("/actuator/health", false)
          && answers("/engine-rest/process-definition/key/serious-incident", true)) {
        return;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(name + " not ready after " + STARTUP_TIMEOUT + "; " + tail());
  }

  private boolean answers(String path, boolean signedIn) throws InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5));
    if (signedIn) {
      request.header("Authorization", basicAuthorization());
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  /** kill -9: no shutdown hook, no grace, transactions and SMTP sessions cut where they are. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException(name + " did not die");
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The end of the node's output, for a failure message. */
  String tail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return "last lines of "
          + log
          + ":\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "its log " + log + " could not be read: " + e;
    }
  }

  /** Stops the node as a platform would (SIGTERM), and kills it if it does not stop in time. */
  @Override
  public void close() throws InterruptedException {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(40, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
