package uk.gov.council.commissioning.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * A source of test values drawn from a {@link Random}: given the same seeded random source it draws
 * the same values, so a failing run can be repeated from its seed. The kit's own, kept small: the
 * hostile input tests need only a choice among values and generators, weights, mapping and lists.
 */
@FunctionalInterface
public interface Generator<T> {

  /** Characters chosen more often than the rest of Unicode would choose them. */
  String EDGE_CHARACTERS =
      "\u0000\u0001\u0007\t\n\r\u001b\u007f \"'\\<>&%$#{}\u00a0\u00ad\u200b\u200e\u200f\u202e"
          + "\u2028\u2029\ufeff\ufffd\ufffe\uffff\ud800\udbff\udc00\udfff";

  T next(Random random);

  default <R> Generator<R> map(Function<? super T, ? extends R> mapper) {
    return random -> mapper.apply(next(random));
  }

  default <R> Generator<R> flatMap(Function<? super T, ? extends Generator<? extends R>> mapper) {
    return random -> mapper.apply(next(random)).next(random);
  }

  @SafeVarargs
  static <T> Generator<T> of(T... values) {
    return of(Arrays.asList(values));
  }

  static <T> Generator<T> of(List<T> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values to choose from");
    }
    List<T> choices = List.copyOf(values);
    return random -> choices.get(random.nextInt(choices.size()));
  }

  static <T> Generator<T> just(T value) {
    return random -> value;
  }

  /** One of the generators, each as likely as the others. */
  @SafeVarargs
  static <T> Generator<T> oneOf(Generator<? extends T>... generators) {
    List<Generator<? extends T>> choices = List.of(generators);
    return random -> choices.get(random.nextInt(choices.size())).next(random);
  }

  /** One of the generators, each chosen in proportion to its weight. */
  @SafeVarargs
  static <T> Generator<T> frequencyOf(Weighted<? extends T>... choices) {
    int total = Arrays.stream(choices).mapToInt(Weighted::weight).sum();
    if (total <= 0) {
      throw new IllegalArgumentException("weights must add up to more than 0");
    }
    return random -> {
      int pick = random.nextInt(total);
      for (Weighted<? extends T> choice : choices) {
        pick -= choice.weight();
        if (pick < 0) {
          return choice.generator().next(random);
        }
      }
      throw new IllegalStateException("unreachable");
    };
  }

  static <T> Weighted<T> weighted(int weight, Generator<? extends T> generator) {
    return new Weighted<>(weight, generator);
  }

  /** A generator and how often {@link #frequencyOf} chooses it against the others. */
  record Weighted<T>(int weight, Generator<? extends T> generator) {
    public Weighted {
      if (weight < 0) {
        throw new IllegalArgumentException("weight below 0: " + weight);
      }
    }
  }

  /**
   * Text of up to {@code maxLength} characters from the whole of the Basic Multilingual Plane's
   * char range: control characters, NUL, lone and paired surrogates, noncharacters and the rest,
   * with some characters that often trip a parser chosen more often.
   */
  static Generator<String> strings(int maxLength) {
    return random -> {
      // Short text more often than long, as most of a form's fields are short.
      int length =
          random.nextInt(4) == 0
              ? random.nextInt(maxLength + 1)
              : random.nextInt(maxLength / 4 + 1);
      StringBuilder text = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        int kind = random.nextInt(10);
        if (kind == 0) {
          text.append(EDGE_CHARACTERS.charAt(random.nextInt(EDGE_CHARACTERS.length())));
        } else if (kind < 3) {
          text.append((char) (0x20 + random.nextInt(0x5f)));
        } else {
          text.append((char) random.nextInt(Character.MAX_VALUE + 1));
        }
      }
      return text.toString();
    };
  }

  /** Whole numbers over the whole range of {@code long}, with its limits and small numbers. */
  static Generator<Long> longs() {
    return frequencyOf(
        weighted(
            2,
            of(
                Long.MIN_VALUE,
                Long.MIN_VALUE + 1,
                -1L,
                0L,
                1L,
                Long.MAX_VALUE - 1,
                Long.MAX_VALUE)),
        weighted(2, random -> (long) random.nextInt(2001) - 1000),
        weighted(6, Random::nextLong));
  }

  /** Numbers over the whole range of {@code double}, with its limits, zeros, NaN and infinities. */
  static Generator<Double> doubles() {
    return frequencyOf(
        weighted(
            2,
            of(
                0.0,
                -0.0,
                1.0,
                -1.0,
                Double.MIN_VALUE,
                -Double.MIN_VALUE,
                Double.MIN_NORMAL,
                Double.MAX_VALUE,
                -Double.MAX_VALUE,
                Double.NaN,
                Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY)),
        weighted(2, random -> (random.nextDouble() - 0.5) * 2000),
        // Any bit pattern: every exponent, subnormals, and now and then a NaN.
        weighted(6, random -> Double.longBitsToDouble(random.nextLong())));
  }

  /** Lists of {@code min} to {@code max} values. */
  static <T> Generator<List<T>> listOf(Generator<? extends T> element, int min, int max) {
    return random -> {
      int size = min + random.nextInt(max - min + 1);
      List<T> values = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        values.add(element.next(random));
      }
      return values;
    };
  }
}
