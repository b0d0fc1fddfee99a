// A minimal Socket.IO v4 client over a raw WebSocket (as in bench/live.ts): a thousand of them cost the load
// generator little, so the figures measure the server. Only `score` frames are decoded; a `draw` frame is only noted.
import WebSocket from 'ws';

export class LightSocket {
  private ws?: WebSocket;
  private nextAck = 0;
  private readonly acks = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  onScore: (payload: Record<string, unknown>, at: number) => void = () => undefined;
  /** When a released draw reached this socket (the frame itself, a whole round's rooms, is not decoded). */
  onDraw: (at: number) => void = () => undefined;

  constructor(private readonly base: string) {}

  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`${this.base.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`, {
        perMessageDeflate: false,
      });
      this.ws = ws;
      ws.on('error', reject);
      // A socket the server closes must fail the figure, not hang the bench (it did, on a dropped first subscriber).
      ws.on('close', () => {
        const closed = new Error('live socket closed by the server');
        reject(closed);
        for (const ack of this.acks.values()) ack.reject(closed);
        this.acks.clear();
      });
      ws.on('message', (data: Buffer) => {
        const at = performance.now();
        // Snapshots and standings tables of thousands of rows are skipped undecoded, except acks (43…).
        if (data.length > 64 && data[0] === 0x34 && data[1] === 0x32) {
          const head = data.toString('latin1', 0, 64);
          if (head.startsWith('42/live,["draw"')) return this.onDraw(at);
          if (!head.includes('["score"')) return;
        }
        const text = data.toString();
        if (text === '2') return ws.send('3');
        if (text[0] === '0') return ws.send('40/live,');
        if (text.startsWith('40')) return resolve();
        if (text.startsWith('44')) return reject(new Error(text));
        const body = text.slice('42/live,'.length);
        if (text.startsWith('42')) {
          const [name, payload] = JSON.parse(body) as [string, Record<string, unknown>];
          if (name === 'score') this.onScore(payload, at);
        } else if (text.startsWith('43')) {
          const id = Number(/^\d+/.exec(body)![0]);
          this.acks.get(id)?.resolve();
          this.acks.delete(id);
        }
      });
    });
  }

  emitWithAck(name: string, payload: unknown): Promise<void> {
    const id = this.nextAck++;
    return new Promise((resolve, reject) => {
      this.acks.set(id, { resolve, reject });
      this.ws!.send(`42/live,${id}${JSON.stringify([name, payload])}`);
    });
  }

  close(): void {
    this.ws?.terminate();
  }
}

export async function connectAll(
  base: string,
  n: number,
  subscribe: { kind: string; id: string },
): Promise<LightSocket[]> {
  const sockets: LightSocket[] = [];
  for (let i = 0; i < n; i += 100) {
    const batch = Array.from({ length: Math.min(100, n - i) }, () => new LightSocket(base));
    await Promise.all(
      batch.map(async (s) => {
        await s.connect();
        await s.emitWithAck('subscribe', subscribe);
      }),
    );
    sockets.push(...batch);
  }
  return sockets;
}
