package uk.gov.council.commissioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The application reads the time only from the injected {@code java.time.Clock} (the EngineClock
 * bean). A second source of "now" would disagree with the engine's timers in process tests, and
 * with the time acceleration of demos, so any other way of asking for the time fails the build.
 */
class ClockUseTest {

  private static final Path MAIN = Path.of("src/main/java");

  /** The one class allowed to read the engine's clock directly. */
  private static final Path ENGINE_CLOCK =
      MAIN.resolve("uk/gov/council/commissioning/deadlines/EngineClock.java");

  private static final Pattern FORBIDDEN = Pattern.compile("\\.now\\(|currentTimeMillis|ClockUtil");

  @Test
  void onlyTheEngineClockReadsTheTime() throws IOException {
    List<String> offences = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        if (file.equals(ENGINE_CLOCK)) {
          continue;
        }
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          if (FORBIDDEN.matcher(lines.get(i)).find()) {
            offences.add(MAIN.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).trim());
          }
        }
      }
    }
    assertThat(offences)
        .as(
            "Read the time from the injected java.time.Clock (clock.instant()), never by .now(,"
                + " currentTimeMillis or ClockUtil; offending lines")
        .isEmpty();
  }
}
