package io.waymark.bench;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One GET, repeated on one kept-alive HTTP/1.1 connection over a plain socket, the body read into a
 * reused buffer: a client that costs little, like {@code curl}, for timing a large answer. Java's
 * {@code HttpClient} hands every response through its selector thread and an executor to a body
 * subscriber that collects and joins the chunks; in the bench's C1-only JVM, on two cores shared
 * with the ingest load, that added several milliseconds of its own to a 1 MB answer.
 * Reads answers with a {@code Content-Length} (Waymark's device list) or chunked ones (its problem details).
 */
final class PlainHttpGet implements Closeable {

    private final String host;

    private final int port;

    private final byte[] request;

    private final byte[] buffer = new byte[64 * 1024];

    private Socket socket;

    private InputStream in;

    private OutputStream out;

    /** Bytes of {@link #buffer} read but not yet consumed: from {@code start} to {@code end}. */
    private int start;

    private int end;

    private int status;

    PlainHttpGet(String baseUrl, String path, String authorization) {
        URI uri = URI.create(baseUrl);
        this.host = uri.getHost();
        this.port = uri.getPort() < 0 ? 80 : uri.getPort();
        String head = "GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAccept: application/json\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n") + "\r\n";
        this.request = head.getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * Sends the request and reads the whole answer.
     *
     * @param copy where the body goes too, or null to discard it
     * @return the body's length in bytes
     * @throws IOException also when the status is not 200
     */
    long send(ByteArrayOutputStream copy) throws IOException {
        long length = exchange(copy);
        if (status != 200) {
            throw new IOException("HTTP " + status);
        }
        return length;
    }

    /** The last answer's status code. */
    int status() {
        return status;
    }

    /** Sends the request and reads the whole answer, whatever its status ({@link #status()}). */
    long exchange(ByteArrayOutputStream copy) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(30_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
            start = end = 0;
        }
        out.write(request);
        out.flush();
        String statusLine = line();
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            }
            else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
            else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        if (chunked) {
            length = 0;
            for (long size = chunkSize(); size > 0; size = chunkSize()) {
                body(size, copy);
                line(); // the CR LF after each chunk
                length += size;
            }
            while (!line().isEmpty()) {
                // trailers, if any, up to the empty line
            }
        }
        else if (length >= 0) {
            body(length, copy);
        }
        else {
            throw new IOException("neither Content-Length nor chunked in the answer: " + statusLine);
        }
        if (close) {
            close();
        }
        if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
            throw new IOException("not an HTTP/1.1 status line: " + statusLine);
        }
        status = Integer.parseInt(statusLine.substring(9, 12));
        return length;
    }

    private long chunkSize() throws IOException {
        String line = line();
        int extension = line.indexOf(';');
        return Long.parseLong((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
    }

    private void body(long length, ByteArrayOutputStream copy) throws IOException {
        long left = length;
        while (left > 0) {
            if (start == end && !fill()) {
                throw new IOException("connection closed with " + left + " bytes of the body unread");
            }
            int n = (int) Math.min(left, end - start);
            if (copy != null) {
                copy.write(buffer, start, n);
            }
            start += n;
            left -= n;
        }
    }

    /** One header line, without its CR LF. */
    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            if (start == end && !fill()) {
                throw new IOException("connection closed in the answer's head");
            }
            byte b = buffer[start++];
            if (b == '\n') {
                int last = line.length() - 1;
                return last >= 0 && line.charAt(last) == '\r' ? line.substring(0, last) : line.toString();
            }
            line.append((char) (b & 0xff));
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        start = 0;
        end = Math.max(n, 0);
        return n > 0;
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}
