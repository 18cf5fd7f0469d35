// Build of the citizen app. The server sends a strict CSP (script-src 'self'; style-src 'self'), so the
// build must not inline scripts or styles: Vite's defaults emit external, hashed files under assets/.
import { defineConfig } from "vite";
import preact from "@preact/preset-vite";

export default defineConfig({
  plugins: [preact()],
  build: {
    outDir: "dist",
    assetsDir: "assets",
    // Cheap Android phones often run an old WebView; ES2020 matches tsconfig and keeps the output small.
    target: "es2020",
    // Only one entry chunk today; the polyfill would just add bytes to it.
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: {
      "/api": "http://127.0.0.1:8000",
    },
  },
});
