package uk.gov.council.commissioning.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The table of requests sent with an Idempotency-Key and their answers. Rows are looked up by user
 * and key only: one user's key never finds another's answer.
 */
class IdempotentRequests {

  /** What a request was and the answer it got. */
  record Stored(
      String method,
      String path,
      String requestHash,
      int status,
      String contentType,
      String location,
      byte[] body) {}

  private final JdbcClient jdbc;

  IdempotentRequests(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The user's request with this key, unless it has expired. */
  Optional<Stored> find(String userId, String key, Instant now) {
    return jdbc.sql(
            """
            SELECT request_method, request_path, request_hash, response_status,
                   response_content_type, response_location, response_body
              FROM idempotent_request
             WHERE user_id = :user AND idempotency_key = :key AND expires_at > :now
            """)
        .param("user", userId)
        .param("key", key)
        .param("now", utc(now))
        .query(
            (rs, row) ->
                new Stored(
                    rs.getString("request_method"),
                    rs.getString("request_path"),
                    rs.getString("request_hash"),
                    rs.getInt("response_status"),
                    rs.getString("response_content_type"),
                    rs.getString("response_location"),
                    rs.getBytes("response_body")))
        .optional();
  }

  /**
   * Claims the key for a request about to run, inside the caller's transaction: a second request
   * with the key, until this transaction ends, waits on (PostgreSQL) or is refused by (H2) the
   * unique constraint.
   */
  void claim(
      String userId,
      String key,
      String method,
      String path,
      String requestHash,
      Instant now,
      Instant expiresAt) {
    jdbc.sql(
            """
            INSERT INTO idempotent_request (user_id, idempotency_key, request_method, request_path,
                   request_hash, response_status, created_at, expires_at)
            VALUES (:user, :key, :method, :path, :hash, 0, :now, :expires)
            """)
        .param("user", userId)
        .param("key", key)
        .param("method", method)
        .param("path", path)
        .param("hash", requestHash)
        .param("now", utc(now))
        .param("expires", utc(expiresAt))
        .update();
  }

  /** Stores the answer of the request that claimed the key, in the same transaction. */
  void answer(
      String userId, String key, int status, String contentType, String location, byte[] body) {
    jdbc.sql(
            """
            UPDATE idempotent_request
               SET response_status = :status, response_content_type = :contentType,
                   response_location = :location, response_body = :body
             WHERE user_id = :user AND idempotency_key = :key
            """)
        .param("status", status)
        .param("contentType", contentType)
        .param("location", location)
        .param("body", body)
        .param("user", userId)
        .param("key", key)
        .update();
  }

  /** Deletes the user's expired row for the key, so that the key can be used again. */
  void forgetExpired(String userId, String key, Instant now) {
    jdbc.sql(
            "DELETE FROM idempotent_request"
                + " WHERE user_id = :user AND idempotency_key = :key AND expires_at <= :now")
        .param("user", userId)
        .param("key", key)
        .param("now", utc(now))
        .update();
  }

  /** Deletes every expired row with its stored answer; returns how many. */
  int deleteExpired(Instant now) {
    return jdbc.sql("DELETE FROM idempotent_request WHERE expires_at <= :now")
        .param("now", utc(now))
        .update();
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
