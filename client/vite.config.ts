import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const api = process.env.ORLEU_API ?? 'http://localhost:3000';

/**
 * One Vite project, one HTML entry per app (judge now; audience board and organiser console later), sharing
 * src/shared (i18n, API, live channel, device storage). Each entry is its own chunk graph, so the judge's tablet
 * downloads only the judge app.
 */
/** `npm run dev`: the same history fallback the server gives (src/client-host/serve-client.ts). */
const judgePaths = /^\/(?:$|j(?:\/|$)|judge(?:\/|$))/;
const boardPaths = /^\/board(?:\/|$)/;
const consolePaths = /^\/console(?:\/|$)/;
const devFallback: Plugin = {
  name: 'orleu-dev-fallback',
  configureServer(server) {
    server.middlewares.use((req, _res, next) => {
      const at = req.url?.split('?')[0] ?? '';
      if (judgePaths.test(at)) req.url = '/judge/index.html';
      else if (boardPaths.test(at) && !at.startsWith('/board/index.html')) req.url = '/board/index.html';
      else if (consolePaths.test(at) && !at.startsWith('/console/index.html')) req.url = '/console/index.html';
      next();
    });
  },
};

/**
 * The page every app is served in. An app's index.html holds only what is its own (its entry script; the judge's
 * manifest link), which goes at the end of the head: Vite moves the entry script there in the build anyway.
 */
const page: Plugin = {
  name: 'orleu-page',
  transformIndexHtml: {
    order: 'pre',
    handler: (own) => `<!doctype html>
<html lang="kk">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="theme-color" content="#0b4f6c" />
    <link rel="icon" href="/icon.svg" type="image/svg+xml" />
    <title>Orleu</title>
    ${own.trim()}
  </head>
  <body>
    <div id="app"></div>
  </body>
</html>
`,
  },
};

export default defineConfig({
  appType: 'mpa',
  plugins: [
    page,
    devFallback,
    preact(),
    VitePWA({
      strategies: 'generateSW',
      // Registered by the app itself, and only in a secure context (HTTPS or localhost): see src/shared/shell-cache.ts.
      injectRegister: null,
      registerType: 'autoUpdate',
      manifest: {
        name: 'Orleu — төрешілер',
        short_name: 'Orleu',
        start_url: '/j/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0b4f6c',
        icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,webmanifest}'],
        // The judge's worker caches the judge's app only: the console is for a laptop online at the desk, the board
        // for audiences online (a tablet would download both for nothing).
        globIgnores: ['console/**', 'assets/console-*', 'board/**', 'assets/board-*'],
        navigateFallback: '/judge/index.html',
        navigateFallbackAllowlist: [/^\/$/, /^\/j(\/|$)/, /^\/judge(\/|$)/],
        navigateFallbackDenylist: [/^\/api\//, /^\/socket\.io\//, /^\/console(\/|$)/, /^\/board(\/|$)/],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    rollupOptions: { input: { judge: 'judge/index.html', board: 'board/index.html', console: 'console/index.html' } },
  },
  server: {
    proxy: {
      '/api': api,
      '/socket.io': { target: api, ws: true },
    },
  },
});
