package org.casetimeline.api.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * HTTP Basic sends the password with every request, and checking a bcrypt hash costs tens of milliseconds of
 * CPU by design: without this, authentication alone would cap the API at a few dozen requests a second per core.
 * A successful check is remembered for a few minutes under a keyed hash of name and password (never the
 * password itself; the key lives only in this process), so a repeat of the same credentials skips bcrypt. A
 * wrong password is never remembered and always pays the full check.
 */
final class RecentSignIns implements AuthenticationProvider {

    private static final int MAX_ENTRIES = 10_000;

    private record Remembered(Authentication authentication, Instant until) {
    }

    private final AuthenticationProvider checked;
    private final Duration remember;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Remembered> recent = new ConcurrentHashMap<>();

    RecentSignIns(AuthenticationProvider checked, Duration remember, Clock clock) {
        this.checked = checked;
        this.remember = remember;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        if (!(attempt.getCredentials() instanceof String password)) {
            return checked.authenticate(attempt);
        }
        String fingerprint = fingerprint(attempt.getName(), password);
        Instant now = clock.instant();
        Remembered earlier = recent.get(fingerprint);
        if (earlier != null && earlier.until().isAfter(now)) {
            return earlier.authentication();
        }
        Authentication result = checked.authenticate(attempt);
        if (result != null && result.isAuthenticated()) {
            if (recent.size() >= MAX_ENTRIES) {
                recent.entrySet().removeIf(entry -> !entry.getValue().until().isAfter(now));
            }
            if (recent.size() < MAX_ENTRIES) {
                recent.put(fingerprint, new Remembered(result, now.plus(remember)));
            }
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private String fingerprint(String name, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal((name + '\0' + password).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
