package io.waymark.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.stereotype.Component;

/**
 * The Content-Security-Policy of every answer: scripts only from Waymark itself (and the page's
 * inline import map, by its hash), images also from the configured tile server, and no framing.
 */
@Component
class DashboardContentSecurityPolicy implements HeaderWriter {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);

    private static final Pattern ORIGIN = Pattern.compile("^(https?://[^/]+)");

    private final String policy;

    DashboardContentSecurityPolicy(DashboardProperties properties) {
        this.policy = String.join("; ", "default-src 'self'", "script-src 'self'" + inlineScriptHashes(),
                "style-src 'self' 'unsafe-inline'", // the list and the charts set style attributes
                "img-src 'self' data:" + tileOrigin(properties.tileUrl()), "connect-src 'self'", "font-src 'self'",
                "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'");
    }

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        if (!response.containsHeader("Content-Security-Policy")) {
            response.setHeader("Content-Security-Policy", policy);
        }
    }

    String policy() {
        return policy;
    }

    /** {@code https://{s}.tile.example.org/{z}/{x}/{y}.png} → {@code https://*.tile.example.org}; relative: none. */
    static String tileOrigin(String tileUrl) {
        Matcher origin = ORIGIN.matcher(tileUrl);
        return origin.find() ? " " + origin.group(1).replaceAll("\\{[^}]*}", "*") : "";
    }

    private static String inlineScriptHashes() {
        List<String> hashes = new ArrayList<>();
        try (InputStream in = new ClassPathResource("static/index.html").getInputStream()) {
            Matcher script = INLINE_SCRIPT.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            while (script.find()) {
                byte[] sha = MessageDigest.getInstance("SHA-256").digest(script.group(1).getBytes(StandardCharsets.UTF_8));
                hashes.add(" 'sha256-" + Base64.getEncoder().encodeToString(sha) + "'");
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("static/index.html is part of Waymark", ex);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every JVM has SHA-256", ex);
        }
        return String.join("", hashes);
    }
}
