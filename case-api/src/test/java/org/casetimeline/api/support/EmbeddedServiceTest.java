package org.casetimeline.api.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole service on a random loopback port over a real embedded PostgreSQL. Every test class uses the
 * same properties, so Spring starts one service (and one fresh database) for all of them. Its clock stands still
 * unless a test moves it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import(TestClock.Configuration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "case-timeline.data-dir=target/it-data/${random.uuid}",
        "case-timeline.demo-data=false",
        // every test calls from 127.0.0.1, so the sign-in throttle has its own test (SignInThrottleIT)
        "case-timeline.security.sign-in.max-failures=1000000",
        "server.address=127.0.0.1"})
public @interface EmbeddedServiceTest {
}
