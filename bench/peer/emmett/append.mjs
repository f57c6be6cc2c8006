// Append benchmark peer: Emmett's PostgreSQL event store, closed loop.
//
//   node append.mjs --url postgresql://postgres@127.0.0.1:5432/emmett_store --clients 16 --seconds 20 [--streams 500]
//
// Creates the event store with getPostgreSQLEventStore(url) on a pg.Pool of one connection per client (Emmett's own
// pool would be pg's default of 10), migrates its schema before the measured window, opens every connection, then runs
// N workers that each append one PersonTransferred event at a time to a random stream of one category
// (prisonerCase-<uuid>, so Emmett's stream type is "prisonerCase"), without an expected version.
//
// Emmett checks the stream position even without an expected version: emt_append_to_stream reads the stream's
// position and updates it only where it is unchanged, so two concurrent appends to the same stream make one of them
// fail with ExpectedVersionConflictError (and two first appends to a new stream collide on its key). Such an append is
// counted as an error and retried at once; its latency runs from its first attempt to its success.
//
// Prints one JSON line on stdout; notes go to stderr.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { isExpectedVersionConflictError } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';

const WRITER = 'emmett-postgresql 0.42.0';

function parseArgs(argv) {
  const options = { url: undefined, clients: 1, seconds: 10, streams: 500 };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case '--url': options.url = value; i++; break;
      case '--clients': options.clients = Number.parseInt(value, 10); i++; break;
      case '--seconds': options.seconds = Number.parseFloat(value); i++; break;
      case '--streams': options.streams = Number.parseInt(value, 10); i++; break;
      default: throw new Error(`unknown argument ${argv[i]}`);
    }
  }
  if (!options.url) throw new Error('--url postgresql://... is required');
  for (const key of ['clients', 'seconds', 'streams']) {
    if (!(options[key] > 0)) throw new Error(`--${key} must be a positive number`);
  }
  return options;
}

const SOURCES = [{ kind: 'ngo_report', citation: 'PEN International, RAN 41/13 (bench)', reliability: 'B' }];
const facilityA = randomUUID();
const facilityB = randomUUID();

// The same document as factBody() in bench/append/LoadGenerator.java (which Message DB stores as its data).
function factBody() {
  const year = 2010 + Math.floor(Math.random() * 10);
  const month = 1 + Math.floor(Math.random() * 12);
  const day = 1 + Math.floor(Math.random() * 28);
  return {
    type: 'PersonTransferred',
    occurredAt: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    sources: SOURCES,
    claim: 'corroborated',
    confidentiality: 'public',
    data: { fromFacilityId: facilityA, toFacilityId: facilityB, noticeGiven: false },
  };
}

// Nearest rank, as Stats.p in LoadGenerator.java.
function percentile(sorted, q) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

const round = (ms) => (ms === null ? null : Math.round(ms * 1000) / 1000);

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const streams = Array.from({ length: options.streams }, () => `prisonerCase-${randomUUID()}`);
  const pool = new pg.Pool({ connectionString: options.url, max: options.clients });
  const eventStore = getPostgreSQLEventStore(options.url, { connectionOptions: { pool } });
  try {
    // Emmett would create its schema on the first append; done here so the measured window holds appends only.
    await eventStore.schema.migrate();
    // Open every connection first, as the JDBC writers do.
    const clients = await Promise.all(Array.from({ length: options.clients }, () => pool.connect()));
    clients.forEach((client) => client.release());

    const latencies = [];
    let errors = 0;
    let conflicts = 0;
    let firstError;
    const fail = (error) => {
      errors++;
      if (firstError === undefined) {
        firstError = String(error);
        console.error(`first error: ${firstError}`);
      }
    };

    const start = process.hrtime.bigint();
    const end = start + BigInt(Math.round(options.seconds * 1e9));
    const worker = async () => {
      while (process.hrtime.bigint() < end) {
        const stream = streams[Math.floor(Math.random() * streams.length)];
        const event = { type: 'PersonTransferred', data: factBody(), metadata: { recordedBy: 'monitor' } };
        const begin = process.hrtime.bigint();
        for (;;) {
          try {
            await eventStore.appendToStream(stream, [event]);
            latencies.push(Number(process.hrtime.bigint() - begin) / 1e6);
            break;
          } catch (error) {
            fail(error);
            if (!isExpectedVersionConflictError(error)) break;
            conflicts++;
            if (process.hrtime.bigint() >= end) break;
          }
        }
      }
    };
    await Promise.all(Array.from({ length: options.clients }, worker));
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;

    latencies.sort((a, b) => a - b);
    if (conflicts > 0) console.error(`${conflicts} of the ${errors} errors were expected-version conflicts, retried`);
    process.stdout.write(JSON.stringify({
      writer: WRITER,
      clients: options.clients,
      count: latencies.length,
      seconds: Math.round(seconds * 1000) / 1000,
      throughput: Math.round((latencies.length / seconds) * 10) / 10,
      p50ms: round(percentile(latencies, 0.5)),
      p95ms: round(percentile(latencies, 0.95)),
      p99ms: round(percentile(latencies, 0.99)),
      maxms: round(latencies.length === 0 ? null : latencies[latencies.length - 1]),
      errors,
    }) + '\n');
  } finally {
    // An ambient pool is not Emmett's to end: close() is a no-op for it, so the pool is ended here.
    await eventStore.close();
    await pool.end();
  }
}

main().catch((error) => {
  console.error(error?.stack ?? String(error));
  process.exitCode = 1;
});
