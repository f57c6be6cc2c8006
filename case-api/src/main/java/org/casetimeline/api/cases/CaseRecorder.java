package org.casetimeline.api.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.casetimeline.api.config.AxonConfiguration;
import org.casetimeline.api.problem.InvalidRequest;
import org.casetimeline.api.security.Reader;
import org.casetimeline.core.event.CaseEvent;
import org.casetimeline.core.event.FacilityRegistered;
import org.casetimeline.core.prisonercase.PrisonerCase;
import org.casetimeline.core.shared.PlainText;
import org.casetimeline.projections.audit.EventChain;
import org.casetimeline.projections.recording.IdempotencyLedger;
import org.casetimeline.projections.recording.StoredResponse;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * The one write path, for the REST API and the demo loader alike. A command and, when a key is given, its
 * Idempotency-Key claim and stored answer commit in one transaction with the events: a request is either
 * applied once and acknowledged, or not applied at all.
 */
@Service
public class CaseRecorder {

    private static final int MAX_KEY_LENGTH = 255;

    /** Enough for sixteen monitors appending to one case at the same moment. */
    private static final int CONCURRENT_APPEND_ATTEMPTS = 20;

    /** The events the command on this thread publishes, while {@link #send} waits for it. */
    private static final ThreadLocal<List<EventMessage<?>>> PUBLISHED = new ThreadLocal<>();

    private final CommandGateway commands;
    private final IdempotencyLedger ledger;
    private final JsonMapper json;
    private final EventChain chain;
    private final TransactionTemplate transactions;
    private final CommittedCaseCache cases;

    public CaseRecorder(CommandGateway commands, EventStore events, IdempotencyLedger ledger, JsonMapper json,
                        EventChain chain, PlatformTransactionManager transactionManager, CommittedCaseCache cases) {
        this.chain = chain;
        this.cases = cases;
        this.transactions = new TransactionTemplate(transactionManager);
        this.commands = commands;
        events.registerDispatchInterceptor(messages -> {
            List<EventMessage<?>> sink = PUBLISHED.get();
            if (sink != null) {
                sink.addAll(messages);
            }
            return (index, message) -> message;
        });
        this.ledger = ledger;
        this.json = json;
    }

    /**
     * Runs {@code write} once per (user, key); a retry with the same request gets the first answer back. When
     * another request appended to the same case between this one's read and its insert, the store's uniqueness
     * refuses the second insert and the whole transaction is run again on the new version, so the append lands
     * after the other one, or is refused with 412 if the caller named the version it expected.
     */
    public StoredResponse once(String user, String idempotencyKey, String requestFingerprint, Supplier<StoredResponse> write) {
        requireUsableKey(idempotencyKey);
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return claimAndWrite(user, idempotencyKey, requestFingerprint, write); // the caller's transaction decides
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> claimAndWrite(user, idempotencyKey, requestFingerprint, write));
            } catch (ConcurrencyException e) {
                if (attempt == CONCURRENT_APPEND_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * A command's metadata: who writes (recorded with the events) and their clearance, so that a case lets them amend
     * only the facts they may see.
     */
    public static MetaData writtenBy(Reader writer) {
        return MetaData.with(AxonConfiguration.RECORDED_BY, writer.name())
                .and(PrisonerCase.WRITER_CLEARANCE, writer.clearance().name());
    }

    /** A key the ledger can hold (V2: 255 characters) and compare: longer, or with control characters, it is refused. */
    private static void requireUsableKey(String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.length() > MAX_KEY_LENGTH || PlainText.problem(idempotencyKey) != null
                || idempotencyKey.chars().anyMatch(Character::isISOControl))) {
            throw InvalidRequest.malformed("Idempotency-Key", "an idempotency key is at most " + MAX_KEY_LENGTH
                    + " characters of plain text");
        }
    }

    private StoredResponse claimAndWrite(String user, String idempotencyKey, String requestFingerprint,
                                         Supplier<StoredResponse> write) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return write.get();
        }
        var earlier = ledger.claim(user, idempotencyKey, sha256(requestFingerprint));
        if (earlier.isPresent()) {
            return earlier.get();
        }
        StoredResponse response = write.get();
        ledger.remember(user, idempotencyKey, response);
        return response;
    }

    /**
     * Sends a command as {@code writer} once no other transaction appends to the same aggregate, binds the events it
     * stored into the aggregate's hash chain in the same transaction, and answers the last of them. The events are
     * taken as the aggregate publishes them (the command runs on this thread), not read back from the store. The
     * stream's head, read under the lock, decides whether the case may come from {@link CommittedCaseCache}.
     */
    @Transactional
    public Acknowledgement send(Reader writer, String aggregateId, Object command) {
        chain.lockForAppend(aggregateId);
        EventChain.Heads heads = chain.heads(aggregateId);
        cases.expectHead(aggregateId, heads.stream());
        List<EventMessage<?>> published = new ArrayList<>();
        PUBLISHED.set(published);
        try {
            commands.sendAndWait(command, writtenBy(writer));
        } finally {
            PUBLISHED.remove();
        }
        Long head = chain.link(aggregateId, heads);
        DomainEventMessage<?> last = published.stream()
                .filter(message -> message instanceof DomainEventMessage<?> domain
                        && domain.getAggregateIdentifier().equals(aggregateId))
                .map(message -> (DomainEventMessage<?>) message)
                .reduce((first, second) -> second)
                .orElseThrow(() -> new IllegalStateException("the command stored no event"));
        if (head != null && head == last.getSequenceNumber()) { // the case as the command left it is the stream's head
            cases.committed(aggregateId, head);
        }
        Object payload = last.getPayload();
        String eventId = payload instanceof CaseEvent event ? event.factId().toString()
                : payload instanceof FacilityRegistered facility ? facility.facilityId().toString() : last.getIdentifier();
        // the instant as the store keeps it (to the millisecond), so the answer equals what a later read returns
        Instant recorded = DateTimeUtils.parseInstant(DateTimeUtils.formatInstant(last.getTimestamp()));
        return new Acknowledgement(aggregateId, eventId, payload.getClass().getSimpleName(), last.getSequenceNumber(),
                recorded);
    }

    public String toJson(Object body) {
        return json.writeValueAsString(body);
    }

    private static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The SHA-256 of these bytes in hex: how a request is fingerprinted for its Idempotency-Key. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
