package org.casetimeline.api.config;

import javax.sql.DataSource;

import org.casetimeline.projections.audit.ServiceLogin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Says at start whether the service's own database login could rewrite history: the append-only grants hold against a
 * compromised service only when its login cannot become the event store's owner (README, "For auditors").
 */
@Component
class DatabaseLoginCheck {

    private static final Logger log = LoggerFactory.getLogger(DatabaseLoginCheck.class);

    private final DataSource dataSource;
    private final ObjectProvider<EmbeddedPostgres> embedded;

    DatabaseLoginCheck(DataSource dataSource, ObjectProvider<EmbeddedPostgres> embedded) {
        this.dataSource = dataSource;
        this.embedded = embedded;
    }

    @EventListener(ApplicationReadyEvent.class)
    void check() {
        boolean canRewrite;
        try {
            canRewrite = ServiceLogin.canRewriteHistory(dataSource);
        } catch (RuntimeException e) {
            // a notice, not a condition of running: a database busy at start must not stop the service
            log.warn("Could not tell whether the service's database login could rewrite history: {}", e.getMessage());
            return;
        }
        if (!canRewrite) {
            log.info("The service's database login cannot become the event store's owner: the store is append-only to it");
        } else if (embedded.getIfAvailable() != null) {
            log.info("Embedded PostgreSQL: the service owns its database and its files, so the store's proof against"
                    + " alteration rests on the chain roots published outside it (README, 'For auditors')");
        } else {
            log.warn("The service's database login could change the event store (as its owner, which RESET ROLE"
                    + " returns to, a superuser or by a grant): a compromised service could rewrite history. Migrate"
                    + " with the owner's login and run the service with a login of its own (MigrateCommand;"
                    + " docker-compose.yml shows how)");
        }
    }
}
