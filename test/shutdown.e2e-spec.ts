import http from 'node:http';
import { describe, expect, it } from '@jest/globals';
import { io } from 'socket.io-client';
import { startTestApp } from './support/test-app.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('graceful shutdown (e2e)', () => {
  it('stops within its deadline under keep-alive traffic, and stock Socket.IO clients reconnect', async () => {
    const app = await startTestApp({ env: { SHUTDOWN_DEADLINE_MS: '3000' } });
    const socket = io(`${app.url}/live`, { transports: ['websocket'], forceNew: true, reconnectionDelay: 100 });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const reasons: string[] = [];
    let reconnectAttempts = 0;
    socket.on('disconnect', (reason) => reasons.push(reason));
    socket.io.on('reconnect_attempt', () => reconnectAttempts++);

    // Four keep-alive clients sending back to back, as a venue's screens polling would.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
    let sending = true;
    let answered = 0;
    const get = () =>
      new Promise<void>((resolve) => {
        const req = http.get(`${app.url}/api/health`, { agent }, (res) => {
          res.resume();
          res.on('end', () => {
            answered++;
            resolve();
          });
        });
        req.on('error', () => resolve());
      });
    const loops = Array.from({ length: 4 }, async () => {
      while (sending) await get();
    });
    await sleep(500);
    expect(answered).toBeGreaterThan(0);

    const exited = new Promise<number>((resolve) => app.process.once('exit', () => resolve(Date.now())));
    const signalledAt = Date.now();
    app.process.kill('SIGTERM');
    const exitedAt = await Promise.race([exited, sleep(12_000).then(() => undefined)]);
    sending = false;
    await Promise.all(loops);
    agent.destroy();
    await sleep(300);
    socket.close();
    await app.close();

    expect(exitedAt).toBeDefined();
    expect(exitedAt! - signalledAt).toBeLessThan(3000 + 2000);
    // The transport was closed, not the socket disconnected: the client tried to reconnect by itself.
    expect(reasons[0]).toBe('transport close');
    expect(reconnectAttempts).toBeGreaterThan(0);
  });
});
