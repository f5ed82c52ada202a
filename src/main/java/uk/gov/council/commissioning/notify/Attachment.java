package uk.gov.council.commissioning.notify;

import java.util.Arrays;
import java.util.Objects;

/**
 * A file sent with a notification. The content is copied in and out so that a caller reusing its
 * buffer cannot change a message already queued.
 */
public record Attachment(String fileName, String contentType, byte[] content) {

  public Attachment {
    if (fileName == null || fileName.isBlank()) {
      throw new IllegalArgumentException("Attachment file name is required");
    }
    if (contentType == null || contentType.isBlank()) {
      throw new IllegalArgumentException("Attachment content type is required");
    }
    Objects.requireNonNull(content, "Attachment content is required");
    content = content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  public int size() {
    return content.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Attachment that
        && fileName.equals(that.fileName)
        && contentType.equals(that.contentType)
        && Arrays.equals(content, that.content);
  }

  @Override
  public int hashCode() {
    return Objects.hash(fileName, contentType, Arrays.hashCode(content));
  }

  // The bytes are left out: they are unreadable in a log and may be personal data.
  @Override
  public String toString() {
    return "Attachment[fileName="
        + fileName
        + ", contentType="
        + contentType
        + ", size="
        + content.length
        + "]";
  }
}
