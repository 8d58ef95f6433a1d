import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Listens on a random loopback port; resolves with the /graphql URL. */
export function listen(app: { listen(port: number, host: string, cb: () => void): Server }): Promise<string> {
  return new Promise((resolve, reject) => {
    const server = app.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`));
    server.once('error', reject);
  });
}
