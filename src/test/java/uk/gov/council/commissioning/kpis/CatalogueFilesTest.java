package uk.gov.council.commissioning.kpis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.springframework.transaction.PlatformTransactionManager;
import uk.gov.council.commissioning.kpis.CatalogueRules.Checked;

/**
 * A council's own catalogue files: one with a year is loaded for that year only, one without for
 * the years asked; a file that cannot be read or that the rules refuse is left out and the others
 * still load.
 */
class CatalogueFilesTest {

  @TempDir Path dir;

  private final KpiCatalogueRegister register = mock(KpiCatalogueRegister.class);

  @Test
  void aBadFileIsLeftOutAndTheOthersLoad() throws IOException {
    Files.writeString(
        dir.resolve("a-good.json"),
        """
        {"code": "LBB-OWN", "title": "Own", "year": "2031/32",
         "kpis": [{"code": "1", "wording": "Sessions", "unit": "PERCENT", "threshold": "≥ 95",
                   "frequency": "QUARTERLY"}]}
        """);
    Files.writeString(
        dir.resolve("b-any-year.json"),
        """
        {"code": "LBB-ANY", "title": "Any year",
         "kpis": [{"code": "1", "wording": "Visits", "unit": "NUMBER", "frequency": "ANNUAL"}]}
        """);
    Files.writeString(dir.resolve("c-broken.json"), "{\"code\": ");
    Files.writeString(
        dir.resolve("d-refused.json"),
        """
        {"code": "LBB-BAD", "title": "Bad",
         "kpis": [{"code": "1", "wording": "Sessions", "unit": "PERCENTAGE", "frequency": "QUARTERLY"}]}
        """);
    when(register.insertFirstOnce(any(), any(), any())).thenReturn(true);
    CatalogueFiles files =
        new CatalogueFiles(
            register,
            new KpisProperties(List.of("file:" + dir + "/*.json"), Map.of()),
            new ObjectMapper(),
            mock(PlatformTransactionManager.class),
            Clock.fixed(Instant.parse("2030-06-01T09:00:00Z"), ZoneOffset.UTC));

    int written = files.load(List.of(new ReportingYear(2029), new ReportingYear(2030)));

    assertThat(written).isEqualTo(3);
    ArgumentCaptor<Checked> checked = ArgumentCaptor.forClass(Checked.class);
    verify(register, org.mockito.Mockito.times(3))
        .insertFirstOnce(checked.capture(), eq(CatalogueFiles.LOADER), any());
    assertThat(checked.getAllValues())
        .extracting(c -> c.code() + " " + c.year())
        .containsExactly("LBB-OWN 2031/32", "LBB-ANY 2029/30", "LBB-ANY 2030/31");
  }
}
