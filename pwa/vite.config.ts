// Builds of the citizen app (default mode) and of the staff app (`--mode staff`, staff/index.html, into
// dist/staff/ and dist/assets/staff/). The server sends a strict CSP (script-src 'self'; style-src 'self'), so
// neither may inline scripts or styles: Vite's defaults emit external, hashed files under assets/.
import { defineConfig, type UserConfig } from "vite";
import preact from "@preact/preset-vite";
import { VitePWA } from "vite-plugin-pwa";

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

// The version shown in the app's footer; MOTCUA_BUILD_LABEL tells two builds apart (the e2e suite deploys
// version A, then B, to test updates).
const pkg = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf-8")) as { version: string };
const label = process.env.MOTCUA_BUILD_LABEL;
const appVersion = label ? `${pkg.version}+${label}` : pkg.version;

const citizen: UserConfig = {
  define: { __APP_VERSION__: JSON.stringify(appVersion) },
  plugins: [
    preact(),
    VitePWA({
      strategies: "injectManifest",
      srcDir: "src/sw",
      filename: "sw.ts",
      // The app registers the worker itself (src/app/update.ts): no extra registration script.
      injectRegister: false,
      registerType: "prompt",
      // Icons are fetched by the launcher when the app is installed; the app itself does not need them offline.
      includeManifestIcons: false,
      injectManifest: {
        globPatterns: ["**/*.{js,css,html,svg,webmanifest}"],
        // The staff app is online-first and none of the citizen's business (README, "The staff app"). Its build
        // runs after this one, so its files are not there yet; this keeps it so if the order ever changes.
        globIgnores: ["staff/**", "assets/staff/**"],
        // The photo compressor is loaded on demand, but it must work offline too: precache it as well.
        maximumFileSizeToCacheInBytes: 512 * 1024,
      },
      manifest: {
        name: "Một cửa — Thủ tục hành chính",
        short_name: "Một cửa",
        description: "Tra cứu thủ tục hành chính, chuẩn bị hồ sơ ngay cả khi không có mạng.",
        lang: "vi",
        dir: "ltr",
        start_url: "/",
        scope: "/",
        display: "standalone",
        orientation: "portrait",
        background_color: "#ffffff",
        theme_color: "#0b5394",
        icons: [
          { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
          { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
          { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
        ],
      },
    }),
  ],
  build: {
    outDir: "dist",
    assetsDir: "assets",
    // Cheap Android phones often run an old WebView; ES2020 matches tsconfig and keeps the output small.
    target: "es2020",
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: {
      "/api": "http://127.0.0.1:8000",
    },
  },
};

// The staff app is a build of its own rather than a second input of the citizen's: two inputs make Rollup
// split what both use (Preact, then src/shared) out of the citizen's entry into shared chunks, one more
// request on the citizen's first visit (+1.1 KB measured by bench/pwa_load.py) and more as the staff app grows.
// Apart, the citizen build does not change with the staff app, which carries its own copy of Preact.
const staff: UserConfig = {
  plugins: [preact()],
  publicDir: false,
  build: {
    outDir: "dist",
    emptyOutDir: false, // the citizen build, run first, fills and empties dist
    target: "es2020",
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: fileURLToPath(new URL("./staff/index.html", import.meta.url)),
      output: {
        entryFileNames: "assets/staff/[name]-[hash].js",
        chunkFileNames: "assets/staff/[name]-[hash].js",
        assetFileNames: "assets/staff/[name]-[hash][extname]",
      },
    },
  },
};

export default defineConfig(({ mode }) => (mode === "staff" ? staff : citizen));
