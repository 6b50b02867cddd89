import { defineConfig } from 'vite'
import type { Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import { VitePWA } from 'vite-plugin-pwa'

/**
 * The dev server's React refresh preamble is an inline script, which the
 * Content-Security-Policy in index.html refuses; the policy is for what is
 * deployed (the build and its browser tests), so dev serves the page without it.
 */
const noCspInDev: Plugin = {
  name: 'no-csp-in-dev',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/, ''),
}

export default defineConfig({
  plugins: [
    noCspInDev,
    react(),
    VitePWA({
      // A new version waits for the person's Reload (src/app/UpdatePrompt.tsx).
      registerType: 'prompt',
      // Registered from src/app/main.tsx through virtual:pwa-register, not an injected script.
      injectRegister: false,
      // The icons are in public/, so globPatterns already precaches them; listing them twice would too.
      includeManifestIcons: false,
      manifest: {
        name: 'GPT Image 2 budget worksheet',
        short_name: 'Image budget',
        description:
          'Plan the monthly cost of the GPT Image 2 API. Runs in your browser; nothing you type leaves it.',
        theme_color: '#1f3a5f',
        background_color: '#f4f6f9',
        display: 'standalone',
        start_url: '/',
        scope: '/',
        icons: [
          { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        ],
      },
      workbox: {
        // Everything the build writes, lazy chunks included, so the whole app
        // (charts too) works offline; source maps are for developers online.
        globPatterns: ['**/*.{js,css,html,svg,png,csv}'],
        navigateFallback: 'index.html',
        // A new version waits (no skipWaiting) until the page asks it to take
        // over, on the person's Reload; the first one controls the page at once.
        skipWaiting: false,
        clientsClaim: true,
        cleanupOutdatedCaches: true,
        // No runtimeCaching: the app fetches nothing from other origins, and must not.
      },
    }),
  ],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build: { target: 'es2022', sourcemap: true },
})
