import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { VitePWA } from 'vite-plugin-pwa'

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      registerType: 'autoUpdate',
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
        // injectRegister: false turns off the plugin's autoUpdate defaults, so set
        // here: a new version takes over at once (the worksheet is in localStorage,
        // so the reload that follows keeps it).
        skipWaiting: true,
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
