// Builds only pwa/vectors/harness.ts into dist-vectors/ (one IIFE script), for the parity tests in
// e2e/test_shared_logic.py; the app's own build (vite.config.ts) does not see it.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

export default defineConfig({
  publicDir: false,
  build: {
    outDir: "dist-vectors",
    emptyOutDir: true,
    target: "es2020",
    lib: {
      entry: fileURLToPath(new URL("vectors/harness.ts", import.meta.url)),
      formats: ["iife"],
      name: "motcuaShared",
      fileName: () => "harness.js",
    },
  },
});
