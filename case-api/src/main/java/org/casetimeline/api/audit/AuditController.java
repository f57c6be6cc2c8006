package org.casetimeline.api.audit;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;

import org.casetimeline.api.problem.InvalidRequest;
import org.casetimeline.api.security.Reader;
import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.projections.audit.ChainCheckpoints;
import org.casetimeline.projections.audit.ChainReport;
import org.casetimeline.projections.audit.ChainVerifier;
import org.casetimeline.projections.audit.ReadAuditLog;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Proof that nothing was altered: verify every chain (AUDITOR), take a checkpoint of all heads (ADMIN). */
@RestController
public class AuditController {

    // a read of the whole store runs at most this long (LongReads)
    private static final Duration LONGEST_RUN = Duration.ofMinutes(30);

    private final ChainVerifier verifier;
    // a verification reads every event; one at a time on a node, so that repeated asks cannot take the database's
    // and the service's whole capacity (an independent run against a copy, VerifyCommand, is not limited)
    private final Semaphore verifying = new Semaphore(1);
    // for the Retry-After of a refusal: when the running verification began (0 until it has set it), and how long the
    // last one that ended with a report took (System.nanoTime; -1 before any)
    private volatile long runningSince;
    private volatile long lastRunNanos = -1;
    private final ChainCheckpoints checkpoints;
    private final ReadAuditLog readAudit;

    public AuditController(ChainVerifier verifier, ChainCheckpoints checkpoints, ReadAuditLog readAudit) {
        this.readAudit = readAudit;
        this.verifier = verifier;
        this.checkpoints = checkpoints;
    }

    /** Verifies every chain and checkpoint; each {@code root} given (published elsewhere) must be a checkpoint's. */
    @GetMapping("/api/v1/audit/verify")
    public ChainReport verify(@RequestParam(name = "root", required = false) List<String> roots) {
        List<String> published = roots == null ? List.of() : roots.stream().map(AuditController::root).toList();
        if (!verifying.tryAcquire()) {
            throw InvalidRequest.busy("a verification is already running on this node; ask again when it has ended",
                    expectedWait());
        }
        long began = System.nanoTime();
        runningSince = began;
        try {
            ChainReport report = verifier.verify(published);
            lastRunNanos = System.nanoTime() - began;
            return report;
        } finally {
            runningSince = 0;
            verifying.release();
        }
    }

    /**
     * What is left of the running verification if it takes as long as the last one; as long again as it has run when
     * none has ended yet or it has outrun the last one. Never past the time a read of the whole store may run.
     */
    private Duration expectedWait() {
        long since = runningSince;
        long ran = since == 0 ? 0 : Math.max(System.nanoTime() - since, 0);
        long last = lastRunNanos;
        long wait = last > ran ? last - ran : ran;
        return Duration.ofNanos(Math.max(0, Math.min(wait, LONGEST_RUN.toNanos() - ran)));
    }

    /** A published root as written anywhere: 64 hex digits, in either case, spaces around it ignored. */
    static String root(String published) {
        String root = published.strip().toLowerCase(Locale.ROOT);
        if (!root.matches("[0-9a-f]{64}")) {
            throw InvalidRequest.malformed("root", "a checkpoint root is 64 hexadecimal digits");
        }
        return root;
    }

    /**
     * Who read restricted or confidential facts, newest first (AUDITOR): of one case, or ({@code acrossCases}) the reads
     * of many cases at once, which a case's own list leaves out.
     */
    @GetMapping("/api/v1/audit/reads")
    public List<Map<String, Object>> reads(@RequestParam(required = false) UUID caseId,
                                                             @RequestParam(defaultValue = "false") boolean acrossCases,
                                                             @RequestParam(required = false) String reader,
                                                             Authentication authentication) {
        return readAudit.reads(caseId, acrossCases, reader,
                Confidentiality.namesVisibleTo(Reader.of(authentication).clearance()), 1000);
    }

    @PostMapping("/api/v1/admin/audit/checkpoints")
    @ResponseStatus(HttpStatus.CREATED)
    public ChainCheckpoints.Checkpoint checkpoint() {
        return checkpoints.checkpoint();
    }
}
