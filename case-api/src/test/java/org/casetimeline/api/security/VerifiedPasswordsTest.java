package org.casetimeline.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class VerifiedPasswordsTest {

    private final AtomicInteger checks = new AtomicInteger();
    private final PasswordEncoder real = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return real.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return real.matches(raw, encoded);
        }
    };

    @Test
    void givenAMatchedPassword_whenPresentedAgain_thenNoSecondBcryptCheck() {
        VerifiedPasswords passwords = new VerifiedPasswords(counting, Duration.ofMinutes(5));
        String stored = real.encode("the-monitor-password");

        assertThat(passwords.matches("the-monitor-password", stored)).isTrue();
        assertThat(passwords.matches("the-monitor-password", stored)).isTrue();

        assertThat(checks).hasValue(1);
    }

    @Test
    void givenAWrongPasswordOrAnotherHash_whenPresented_thenAlwaysTheRealCheck() {
        VerifiedPasswords passwords = new VerifiedPasswords(counting, Duration.ofMinutes(5));
        String stored = real.encode("the-monitor-password");
        assertThat(passwords.matches("the-monitor-password", stored)).isTrue();

        assertThat(passwords.matches("guess", stored)).isFalse();
        assertThat(passwords.matches("guess", stored)).isFalse();
        assertThat(passwords.matches("the-monitor-password", real.encode("changed"))).isFalse();

        assertThat(checks).hasValue(4);
    }

    @Test
    void givenAnExpiredEntry_whenPresentedAgain_thenCheckedAgain() {
        VerifiedPasswords passwords = new VerifiedPasswords(counting, Duration.ZERO);
        String stored = real.encode("the-monitor-password");

        assertThat(passwords.matches("the-monitor-password", stored)).isTrue();
        assertThat(passwords.matches("the-monitor-password", stored)).isTrue();

        assertThat(checks).hasValue(2);
    }
}
