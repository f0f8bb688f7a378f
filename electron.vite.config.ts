import { resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * @fontsource's CSS names a .woff fallback after every .woff2. Chromium (and so Electron) always
 * takes the .woff2, so the fallbacks would only double what the CJK fonts add to the app.
 */
function woff2Only(): Plugin {
  return {
    name: 'pledgebook:woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]@fontsource[\\/].*\.css$/.test(id)) return null;
      return { code: code.replace(/,\s*url\([^)]*\.woff\)\s*format\('woff'\)/g, ''), map: null };
    },
  };
}

// electron-vite's defaults expect src/main, src/preload and src/renderer. Our folders are fixed by
// the product owner (electron/, renderer/), so every entry is spelled out.
export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    build: {
      lib: {
        // main and the service host are two processes: main starts out/main/host.js as a utilityProcess.
        entry: {
          main: resolve(__dirname, 'electron/main.ts'),
          host: resolve(__dirname, 'electron/host/entry.ts'),
        },
      },
    },
  },
  preload: {
    plugins: [externalizeDepsPlugin()],
    build: {
      lib: { entry: resolve(__dirname, 'electron/preload.ts') },
      // A sandboxed preload cannot `require` chunks, so it must be one self-contained CJS file.
      rollupOptions: { output: { format: 'cjs', inlineDynamicImports: true } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), woff2Only()],
    build: {
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
      // electron-vite leaves the renderer unminified; minified, the window parses a third of the
      // script at start-up (sizes in the README).
      minify: true,
      // The CSP allows fonts from 'self' only, so small font subsets are never inlined as data: URLs.
      assetsInlineLimit: (file: string) => (file.endsWith('.woff2') ? false : undefined),
    },
  },
});
