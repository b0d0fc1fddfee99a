import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/** The Vite build (`npm run build:client`), next to the server's own `dist/`. */
export const CLIENT_DIST = fileURLToPath(new URL('../../../client/dist', import.meta.url));

/**
 * The client apps and the paths each one owns: a page load of any of them gets the app's HTML (history fallback),
 * everything else falls through to Nest (`/api`, `/live` over `/socket.io`) or to a 404. `/judge/<token>` is the
 * link the API hands out, `/j/<token>` the short one printed under the QR code.
 */
const APPS: { html: string; paths: RegExp }[] = [
  { html: 'judge/index.html', paths: /^\/(?:$|j(?:\/|$)|judge(?:\/|$))/ },
  { html: 'board/index.html', paths: /^\/board(?:\/|$)/ },
  { html: 'console/index.html', paths: /^\/console(?:\/|$)/ },
];

export function serveClient(app: NestExpressApplication, dir = CLIENT_DIST): boolean {
  if (!existsSync(dir)) return false;
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const target = APPS.find((a) => a.paths.test(req.path));
    if (!target) return next();
    // The page is tiny and names hashed assets: always revalidate it, so a new build reaches the tablets.
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(join(dir, target.html));
  });
  app.useStaticAssets(dir, {
    index: false,
    setHeaders: (res, path) => {
      const hashed = path.includes(`${join(dir, 'assets')}`);
      res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return true;
}
