import { io, type Socket } from 'socket.io-client';

export interface LiveMessage {
  event: string;
  seq?: number;
  [key: string]: unknown;
}

/** A socket that records every message it receives, in arrival order. */
export class RecordingSocket {
  readonly socket: Socket;
  readonly messages: LiveMessage[] = [];

  constructor(url: string, auth?: { token: string }) {
    this.socket = io(`${url}/live`, { transports: ['websocket'], auth, reconnection: false, forceNew: true });
    this.socket.onAny((event: string, payload: Record<string, unknown>) => this.messages.push({ ...payload, event }));
  }

  connected(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.socket.connected) return resolve();
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', (error) => reject(error));
    });
  }

  subscribe(body: {
    kind: string;
    id: string;
    sinceSeq?: number;
  }): Promise<{ ok: boolean; seq?: number; message?: string }> {
    return this.socket.timeout(10_000).emitWithAck('subscribe', body);
  }

  /** Waits until a message matching `match` has arrived (or was already there). */
  async waitFor(match: (m: LiveMessage) => boolean, timeoutMs = 10_000): Promise<LiveMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(match);
      if (found) return found;
      if (Date.now() > deadline) {
        throw new Error(
          `no matching live message in ${timeoutMs} ms; got ${JSON.stringify(this.messages.map((m) => [m.event, m.seq]))}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  events(): LiveMessage[] {
    return this.messages.filter((m) => typeof m.seq === 'number' && m.event !== 'snapshot');
  }

  close(): void {
    this.socket.close();
  }
}
