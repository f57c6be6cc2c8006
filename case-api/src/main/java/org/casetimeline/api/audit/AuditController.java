package org.casetimeline.api.audit;

import org.casetimeline.projections.audit.ChainCheckpoints;
import org.casetimeline.projections.audit.ChainReport;
import org.casetimeline.projections.audit.ChainVerifier;
import org.casetimeline.projections.audit.ReadAuditLog;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Proof that nothing was altered: verify every chain (AUDITOR), take a checkpoint of all heads (ADMIN). */
@RestController
public class AuditController {

    private final ChainVerifier verifier;
    private final ChainCheckpoints checkpoints;
    private final ReadAuditLog readAudit;

    public AuditController(ChainVerifier verifier, ChainCheckpoints checkpoints, ReadAuditLog readAudit) {
        this.readAudit = readAudit;
        this.verifier = verifier;
        this.checkpoints = checkpoints;
    }

    /** Verifies every chain and checkpoint; each {@code root} given (published elsewhere) must be a checkpoint's. */
    @GetMapping("/api/v1/audit/verify")
    public ChainReport verify(@RequestParam(name = "root", required = false) java.util.List<String> roots) {
        return verifier.verify(roots == null ? java.util.List.of() : roots);
    }

    /** Who read restricted or confidential facts, newest first (AUDITOR). */
    @GetMapping("/api/v1/audit/reads")
    public java.util.List<java.util.Map<String, Object>> reads(@RequestParam(required = false) java.util.UUID caseId,
                                                             @RequestParam(required = false) String reader) {
        return readAudit.reads(caseId, reader, 1000);
    }

    @PostMapping("/api/v1/admin/audit/checkpoints")
    @ResponseStatus(HttpStatus.CREATED)
    public ChainCheckpoints.Checkpoint checkpoint() {
        return checkpoints.checkpoint();
    }
}
