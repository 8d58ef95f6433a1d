import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { StoreError } from '../../../src/store/errors';
import { createNeo4jStore } from '../../../src/store/neo4j';
import { UNAVAILABLE_MESSAGE } from '../../../src/store/neo4j/driverErrors';

/**
 * An unreachable Neo4j must answer fast with StoreError UNAVAILABLE, never hang and never crash
 * the process. Needs no database: it talks to a closed port and to a server that accepts
 * connections but never speaks Bolt (the "half-dead host" case timeouts exist for).
 */
const TUNING = { connectionAcquisitionTimeoutMs: 1000, connectionTimeoutMs: 1000, maxTransactionRetryTimeMs: 1000 };
const config = (port: number) => ({ uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: 'secret-password-zqx', database: 'neo4j' });

async function expectUnavailable(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  expect(error).toMatchObject({ kind: 'UNAVAILABLE' });
  expect((error as StoreError).message).toContain(UNAVAILABLE_MESSAGE);
  expect((error as StoreError).message).not.toContain('secret-password-zqx');
  return error as StoreError;
}

describe('Neo4j store when Neo4j cannot be reached', () => {
  it('refuses to start on a closed port, quickly', async () => {
    const closed = await freePort();
    const started = Date.now();
    await expectUnavailable(createNeo4jStore(config(closed), TUNING));
    expect(Date.now() - started).toBeLessThan(5000);
  });

  describe('a host that accepts connections but never answers', () => {
    let server: Server;
    const sockets = new Set<Socket>();

    beforeAll(async () => {
      server = createServer((socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    });

    afterAll(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    it('gives up within the configured timeouts instead of hanging', async () => {
      const { port } = server.address() as AddressInfo;
      const started = Date.now();
      await expectUnavailable(createNeo4jStore(config(port), TUNING));
      expect(Date.now() - started).toBeLessThan(8000);
    }, 15000);
  });
});

/** A port nothing listens on: bind one, note it, release it. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
