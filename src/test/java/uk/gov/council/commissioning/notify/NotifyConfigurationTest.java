package uk.gov.council.commissioning.notify;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class NotifyConfigurationTest {

  @Test
  void namesTheProviderTheServiceLoaderWouldFind() {
    String found =
        ServiceLoader.load(StreamProvider.class).findFirst().orElseThrow().getClass().getName();

    assertThat(found)
        .as("an Angus Mail upgrade that renames its provider must change the name given here")
        .isEqualTo(NotifyConfiguration.ANGUS_STREAM_PROVIDER);
  }

  @Test
  void theMailApiThenTakesThatProvider() {
    NotifyConfiguration.nameStreamProvider();

    assertThat(System.getProperty(NotifyConfiguration.STREAM_PROVIDER))
        .isEqualTo(NotifyConfiguration.ANGUS_STREAM_PROVIDER);
    assertThat(StreamProvider.provider().getClass().getName())
        .isEqualTo(NotifyConfiguration.ANGUS_STREAM_PROVIDER);
  }

  @Test
  void anOperatorsChoiceIsKept() {
    String before = System.getProperty(NotifyConfiguration.STREAM_PROVIDER);
    System.setProperty(NotifyConfiguration.STREAM_PROVIDER, "some.other.Provider");
    try {
      NotifyConfiguration.nameStreamProvider();

      assertThat(System.getProperty(NotifyConfiguration.STREAM_PROVIDER))
          .isEqualTo("some.other.Provider");
    } finally {
      if (before == null) {
        System.clearProperty(NotifyConfiguration.STREAM_PROVIDER);
      } else {
        System.setProperty(NotifyConfiguration.STREAM_PROVIDER, before);
      }
    }
  }
}
