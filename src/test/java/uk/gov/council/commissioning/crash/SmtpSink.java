package uk.gov.council.commissioning.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An SMTP server on 127.0.0.1 that accepts every message and keeps, for each, the outbox row it
 * came from ({@code X-Outbox-Id}), its {@code Message-ID}, its recipients and the name the sending
 * node gave in EHLO. A message counts as received once the sink has answered its DATA with 250:
 * from then on the sender may die before it records the message as sent, and send it again.
 */
final class SmtpSink implements AutoCloseable {

  /** One message as received; {@code outboxId} is null for mail without the header. */
  record Received(Long outboxId, String messageId, List<String> recipients, String sender) {}

  private final ServerSocket server;
  private final List<Received> received = new ArrayList<>();
  private final List<Socket> connections = new ArrayList<>();
  private volatile boolean closed;

  SmtpSink() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "smtp-sink");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  synchronized List<Received> received() {
    return List.copyOf(received);
  }

  private void accept() {
    while (!closed) {
      try {
        Socket socket = server.accept();
        synchronized (this) {
          connections.add(socket);
        }
        Thread session = new Thread(() -> serve(socket), "smtp-sink-session");
        session.setDaemon(true);
        session.start();
      } catch (IOException e) {
        if (!closed) {
          System.err.println("SMTP sink: " + e);
        }
      }
    }
  }

  private void serve(Socket socket) {
    try (socket;
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        OutputStream out = socket.getOutputStream()) {
      reply(out, "220 sink ESMTP");
      String sender = null;
      List<String> recipients = new ArrayList<>();
      String line;
      while ((line = in.readLine()) != null) {
        String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
        switch (verb) {
          case "EHLO", "HELO" -> {
            sender = line.substring(4).trim();
            reply(out, "250 sink");
          }
          case "MAIL" -> {
            recipients = new ArrayList<>();
            reply(out, "250 OK");
          }
          case "RCPT" -> {
            String address = line.substring(line.indexOf(':') + 1).trim();
            int end = address.indexOf('>');
            recipients.add(
                (end > 0 ? address.substring(1, end) : address).toLowerCase(Locale.ROOT));
            reply(out, "250 OK");
          }
          case "DATA" -> {
            reply(out, "354 End data with <CR><LF>.<CR><LF>");
            Long outboxId = null;
            String messageId = null;
            boolean headers = true;
            String data;
            while ((data = in.readLine()) != null && !data.equals(".")) {
              if (headers && data.isEmpty()) {
                headers = false;
              } else if (headers) {
                String lower = data.toLowerCase(Locale.ROOT);
                if (lower.startsWith("x-outbox-id:")) {
                  outboxId = Long.valueOf(data.substring(data.indexOf(':') + 1).trim());
                } else if (lower.startsWith("message-id:")) {
                  messageId = data.substring(data.indexOf(':') + 1).trim();
                }
              }
            }
            if (data == null) {
              // The sender died before the end of the data: never answered 250, not received.
              return;
            }
            synchronized (this) {
              received.add(new Received(outboxId, messageId, List.copyOf(recipients), sender));
            }
            recipients = new ArrayList<>();
            reply(out, "250 OK queued");
          }
          case "RSET" -> {
            recipients = new ArrayList<>();
            reply(out, "250 OK");
          }
          case "NOOP" -> reply(out, "250 OK");
          case "QUIT" -> {
            reply(out, "221 Bye");
            return;
          }
          default -> reply(out, "502 Command not implemented");
        }
      }
    } catch (IOException e) {
      // The sender went away (a node killed mid-session): what it sent before is kept.
    }
  }

  private static void reply(OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
    synchronized (this) {
      for (Socket socket : connections) {
        socket.close();
      }
    }
  }
}
