package uk.gov.council.commissioning.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateTimeDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.ToIntFunction;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Dates in request bodies are read only with a four-digit year (1 to 9999). ISO 8601 also allows
 * years such as {@code +999999999}, which Java reads, and every deadline computed from one then
 * fails (an instant that far ahead has no milliseconds since 1970 in a {@code long}). Such a date
 * is refused as the field's unreadable value, so the answer is a 400 naming the field.
 */
@Configuration(proxyBeanMethods = false)
public class CalendarDateLimits {

  static final int FIRST_YEAR = 1;
  static final int LAST_YEAR = 9999;

  @Bean
  Jackson2ObjectMapperBuilderCustomizer fourDigitYears() {
    SimpleModule module = new SimpleModule("four-digit-years");
    module.addDeserializer(
        LocalDate.class,
        bounded(LocalDateDeserializer.INSTANCE, LocalDate.class, LocalDate::getYear));
    module.addDeserializer(
        LocalDateTime.class,
        bounded(LocalDateTimeDeserializer.INSTANCE, LocalDateTime.class, LocalDateTime::getYear));
    module.addDeserializer(
        Instant.class,
        bounded(
            InstantDeserializer.INSTANT, Instant.class, i -> i.atOffset(ZoneOffset.UTC).getYear()));
    module.addDeserializer(
        OffsetDateTime.class,
        bounded(
            InstantDeserializer.OFFSET_DATE_TIME, OffsetDateTime.class, OffsetDateTime::getYear));
    // Registered after the Java time module, so these replace its readers for the four types.
    return builder -> builder.postConfigurer(mapper -> mapper.registerModule(module));
  }

  private static <T> JsonDeserializer<T> bounded(
      JsonDeserializer<? extends T> reader, Class<T> type, ToIntFunction<T> year) {
    return new JsonDeserializer<>() {
      @Override
      public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = parser.getText();
        T value = reader.deserialize(parser, context);
        if (value != null) {
          int y = year.applyAsInt(value);
          if (y < FIRST_YEAR || y > LAST_YEAR) {
            throw InvalidFormatException.from(
                parser, "year outside " + FIRST_YEAR + " to " + LAST_YEAR, text, type);
          }
        }
        return value;
      }

      @Override
      public Class<?> handledType() {
        return type;
      }
    };
  }
}
